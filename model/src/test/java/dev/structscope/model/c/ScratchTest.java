package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

class ScratchTest {
    static void show(String src, Abi abi, String... names) {
        try {
            TypeLibrary lib = HeaderImporter.importText(src, "t.h", HeaderImporter.Options.defaults().withAbi(abi));
            for (String n : names) {
                RecordLayout r = LayoutEngine.layout(n, lib, abi);
                System.out.println(abi.name() + " " + n + " " + r.size() + "/" + r.align() + " " + ClangLayouts.of(r).fields());
            }
        } catch (RuntimeException e) {
            System.out.println(abi.name() + " ERROR " + e.getMessage());
        }
    }

    @Test
    void scratch() {
        for (Abi a : Abis.ALL) {
            show("typedef float v4sf __attribute__((vector_size(16)));\ntypedef int v8si __attribute__((__vector_size__(32)));\nstruct regs { char tag; v4sf xmm[2]; v8si ymm; char end; };", a, "regs");
            show("struct m { char c; int __attribute__((mode(DI))) v; char z; };", a, "m");
            show("typedef int register_t __attribute__ ((__mode__ (__word__)));typedef unsigned int fpu_control_t __attribute__ ((__mode__ (__HI__)));struct ctx { char c; register_t r; fpu_control_t cw; char end; };", a, "ctx");
            show("struct __attribute__((ms_struct)) t { char c; int a:3; char b:2; char z; };", a, "t");
            show("struct i { char c; __int128 x; unsigned __int128 y; _Complex double z; _Float16 h; };", a, "i");
            show("struct a { int x[]; };", a, "a");
            show("struct q { int x __attribute__((frobnicate)); };", a, "q");
        }
    }
}
