package dev.structscope.app.designer;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The designer's rows and summary for records whose anonymous members hold holes. */
class DesignerRowsTest {
    private static RecordLayout an() {
        var lib = HeaderImporter.importText("struct AN { int x; union { int u1; char u2[6]; };"
                + " struct { char p; double q; }; char tail; };", "an.h", HeaderImporter.Options.defaults());
        return LayoutEngine.layout("AN", lib, Abis.X86_64_LINUX);
    }

    @Test
    void holesInsideAnonymousMembersAreRowsNamedForWhereTheyLie() {
        List<String> rows = DesignerRows.of(an()).stream().map(r -> switch (r) {
            case DesignerRow.PaddingRow p -> p.padding().offset() + "+" + p.padding().size() + " " + p.note();
            case DesignerRow.MemberRow m -> m.field().offset() + " " + (m.field().name() == null ? "(anonymous)"
                    : m.field().name());
        }).toList();
        assertEquals(List.of("0 x", "4 (anonymous)", "10+6 hole inside the anonymous union and after it",
                "16 (anonymous)", "17+7 hole inside the anonymous struct", "32 tail", "33+7 tail, to align 8"), rows);
    }

    @Test
    void summaryCountsTheHolesOfAnonymousMembers() {
        assertEquals("size 40 · align 8 · members 4 · holes 2 (13 B) · tail 7 B · padding 20 B",
                DesignerRows.summary(an()));
    }
}
