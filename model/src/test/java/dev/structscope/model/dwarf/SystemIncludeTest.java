package dev.structscope.model.dwarf;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which files a line table names are the system's, and the include that names each: below the
 * C library's directory (and its multiarch one), the kernel's, gcc's and clang's own, and
 * /usr/local; a program's own file, or one of a build tree, is nobody's to include.
 */
class SystemIncludeTest {
    /** A path, and the include that names it ("-": none). */
    private static final String TABLE = """
            /usr/include/x86_64-linux-gnu/bits/types.h                 <bits/types.h>
            /usr/include/i386-linux-gnu/sys/stat.h                     <sys/stat.h>
            /usr/include/arm-linux-gnueabihf/bits/types.h              <bits/types.h>
            /usr/include/netinet/ip.h                                  <netinet/ip.h>
            /usr/include/linux/if_ether.h                              <linux/if_ether.h>
            /usr/include/stdio.h                                       <stdio.h>
            /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h          <stddef.h>
            /usr/lib/gcc-cross/aarch64-linux-gnu/12/include/stdarg.h   <stdarg.h>
            /usr/lib/llvm-16/lib/clang/16/include/__stddef_max_align_t.h <__stddef_max_align_t.h>
            /usr/local/include/zmq.h                                   <zmq.h>
            /tmp/dw/p.c                                                -
            /home/me/src/include/proto.h                               -
            /build/glibc-abc/libio/libio.h                             -
            /usr/include/x86_64-linux-gnu/bits/types.c                 -
            """;

    @Test
    void systemFilesAreIncludedByTheirNameBelowTheirDirectory() {
        for (String row : TABLE.strip().split("\n")) {
            String[] cells = row.strip().split("\\s+");
            Optional<String> expected = cells[1].equals("-") ? Optional.empty() : Optional.of(cells[1]);
            assertEquals(expected, DwarfImporter.systemInclude(cells[0]), cells[0]);
        }
    }
}
