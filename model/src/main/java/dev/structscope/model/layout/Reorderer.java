package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds a member order with less padding. Members move as blocks: a plain member is a block, a
 * run of consecutive bit-fields is one block (splitting it could change which bits share a
 * unit), and a flexible array member stays last. Blocks are tried in a few greedy orders
 * (alignment descending, then size) and the smallest result wins; ties keep the original.
 */
final class Reorderer {
    private Reorderer() {
    }

    private record Block(List<Member> members, long align, long size) {
    }

    static Reordering reorder(RecordType record, TypeLibrary library, Abi abi) {
        LayoutContext ctx = new LayoutContext(library, abi);
        long before = LayoutEngine.layout(record, library, abi).size();
        if (record.kind() == RecordKind.UNION || record.members().size() < 2) {
            return new Reordering(record, before, before);
        }
        List<Block> blocks = new ArrayList<>();
        Member flexible = null;
        List<Member> run = new ArrayList<>();
        for (Member m : record.members()) {
            if (m.isBitField()) {
                run.add(m);
                continue;
            }
            flushRun(run, blocks, ctx);
            TypeLayout tl = ctx.type(m.type());
            // What must stay last: a flexible array (also through a typedef) or a record that
            // ends in one (a GNU extension when it is the last member; before others, its array
            // has no elements, and it must not become last, which would give it some).
            if (tl instanceof ArrayLayout a && a.flexible()
                    || m == record.members().getLast() && tl instanceof RecordLayout r && r.dynamic()) {
                flexible = m;
            } else {
                blocks.add(new Block(List.of(m), Math.max(tl.align(), m.alignAs()), tl.size()));
            }
        }
        flushRun(run, blocks, ctx);

        RecordType best = record;
        long bestSize = before;
        List<Comparator<Block>> orders = List.of(
                Comparator.comparingLong(Block::align).reversed(),
                Comparator.comparingLong(Block::align).reversed().thenComparing(Comparator.comparingLong(Block::size).reversed()),
                Comparator.comparingLong(Block::align));
        for (Comparator<Block> order : orders) {
            List<Block> sorted = new ArrayList<>(blocks);
            sorted.sort(order);
            List<Member> members = new ArrayList<>();
            sorted.forEach(b -> members.addAll(b.members()));
            if (flexible != null) {
                members.add(flexible);
            } else if (ctx.type(members.getLast().type()) instanceof RecordLayout r && r.dynamic()) {
                continue;
            }
            RecordType candidate = record.withMembers(members);
            long size = LayoutEngine.layout(candidate, library, abi).size();
            if (size < bestSize) {
                best = candidate;
                bestSize = size;
            }
        }
        return new Reordering(best, before, bestSize);
    }

    private static void flushRun(List<Member> run, List<Block> blocks, LayoutContext ctx) {
        if (run.isEmpty()) {
            return;
        }
        long align = 1;
        long bits = 0;
        for (Member m : run) {
            TypeLayout tl = ctx.type(m.type());
            align = Math.max(align, tl.align());
            bits += m.bitWidth();
        }
        blocks.add(new Block(List.copyOf(run), align, (bits + 7) / 8));
        run.clear();
    }
}
