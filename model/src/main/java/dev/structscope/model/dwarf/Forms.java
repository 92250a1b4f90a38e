package dev.structscope.model.dwarf;

/**
 * Reads one attribute value in any DWARF 2-5 form (and the GNU extensions producers emit), stores
 * the ones a layout needs in the {@link Die}, and skips the rest. Knowing every form's size is
 * what lets the reader pass over entries it does not keep. Stateless.
 */
final class Forms {
    static final int IMPLICIT_CONST = 0x21;

    private static final int AT_SIBLING = 0x01;
    private static final int AT_NAME = 0x03;
    private static final int AT_BYTE_SIZE = 0x0b;
    private static final int AT_STMT_LIST = 0x10;
    private static final int AT_COMP_DIR = 0x1b;
    private static final int AT_BIT_OFFSET = 0x0c;
    private static final int AT_BIT_SIZE = 0x0d;
    private static final int AT_CONST_VALUE = 0x1c;
    private static final int AT_LOWER_BOUND = 0x22;
    private static final int AT_UPPER_BOUND = 0x2f;
    private static final int AT_COUNT = 0x37;
    private static final int AT_MEMBER_LOCATION = 0x38;
    private static final int AT_DECL_COLUMN = 0x39;
    private static final int AT_DECL_FILE = 0x3a;
    private static final int AT_DECL_LINE = 0x3b;
    private static final int AT_DECLARATION = 0x3c;
    private static final int AT_ENCODING = 0x3e;
    private static final int AT_TYPE = 0x49;
    private static final int AT_DATA_BIT_OFFSET = 0x6b;
    private static final int AT_STR_OFFSETS_BASE = 0x72;
    private static final int AT_ALIGNMENT = 0x88;

    private Forms() {
    }

    /** The kinds of value a form holds. */
    private enum Kind { CONST, SIGNED, UNSIGNED, REF, STRING, BLOCK, FLAG, OTHER }

    /**
     * Reads the attribute at the cursor; returns {@code sibling}, or the sibling offset when this
     * attribute is {@code DW_AT_sibling}. {@code die} is null for an entry that is not kept.
     */
    static long read(Cursor c, int name, int form, long implicit, Die die, UnitContext ctx, long sibling) {
        UnitReader.Unit u = ctx.unit;
        long at = c.position();
        long value = 0;
        Kind kind = Kind.OTHER;
        String string = null;
        int width = 0;
        long blockStart = 0;
        long blockLength = 0;
        switch (form) {
            case 0x01 -> value = c.unsigned(u.addressSize()); // addr
            case 0x03 -> { blockLength = c.u16(); blockStart = c.position(); c.skip(blockLength); kind = Kind.BLOCK; }
            case 0x04 -> { blockLength = c.u32(); blockStart = c.position(); c.skip(blockLength); kind = Kind.BLOCK; }
            case 0x05 -> { value = c.u16(); kind = Kind.CONST; width = 2; }
            case 0x06 -> { value = c.u32(); kind = Kind.CONST; width = 4; }
            case 0x07 -> { value = c.u64(); kind = Kind.CONST; width = 8; }
            case 0x08 -> { string = die == null ? skipString(c) : c.cstring(); kind = Kind.STRING; }
            case 0x09, 0x18 -> { blockLength = c.uleb(); blockStart = c.position(); c.skip(blockLength); kind = Kind.BLOCK; }
            case 0x0a -> { blockLength = c.u8(); blockStart = c.position(); c.skip(blockLength); kind = Kind.BLOCK; }
            case 0x0b -> { value = c.u8(); kind = Kind.CONST; width = 1; }
            case 0x0c -> { value = c.u8(); kind = Kind.FLAG; }
            case 0x0d -> { value = c.sleb(); kind = Kind.SIGNED; }
            case 0x0e -> { value = c.offset(u.dwarf64()); kind = Kind.STRING;
                string = die == null ? null : ctx.strings.str(value, c, at); }
            case 0x0f -> { value = c.uleb(); kind = Kind.UNSIGNED; }
            case 0x10 -> { value = u.version() <= 2 ? c.unsigned(u.addressSize()) : c.offset(u.dwarf64()); kind = Kind.REF; }
            case 0x11 -> { value = u.offset() + c.u8(); kind = Kind.REF; }
            case 0x12 -> { value = u.offset() + c.u16(); kind = Kind.REF; }
            case 0x13 -> { value = u.offset() + c.u32(); kind = Kind.REF; }
            case 0x14 -> { value = u.offset() + c.u64(); kind = Kind.REF; }
            case 0x15 -> { value = u.offset() + c.uleb(); kind = Kind.REF; }
            case 0x16 -> {
                long real = c.uleb();
                if (real == 0x16 || real > 0xffff) {
                    throw c.error(at, "DW_FORM_indirect names form 0x" + Long.toHexString(real));
                }
                return read(c, name, (int) real, implicit, die, ctx, sibling);
            }
            case 0x17 -> value = c.offset(u.dwarf64()); // sec_offset
            case 0x19 -> { value = 1; kind = Kind.FLAG; }
            case 0x1a, 0x1f02 -> { value = c.uleb(); kind = Kind.STRING; string = indexed(c, value, die, ctx, at); }
            case 0x1b, 0x22, 0x23, 0x1f01 -> value = c.uleb(); // addrx, loclistx, rnglistx
            case 0x1c -> c.u32(); // ref_sup4
            case 0x1d, 0x1f20, 0x1f21 -> { value = c.offset(u.dwarf64()); kind = Kind.OTHER; } // supplementary / alternate file
            case 0x1e -> c.skip(16); // data16
            case 0x1f -> { value = c.offset(u.dwarf64()); kind = Kind.STRING;
                string = die == null ? null : ctx.strings.lineStr(value, c, at); }
            case 0x20 -> {
                long sig = c.u64();
                if (die != null && name == AT_TYPE) {
                    die.typeSignature = sig;
                }
                return sibling;
            }
            case IMPLICIT_CONST -> { value = implicit; kind = Kind.SIGNED; }
            case 0x24 -> c.u64(); // ref_sup8
            case 0x25 -> { value = c.u8(); kind = Kind.STRING; string = indexed(c, value, die, ctx, at); }
            case 0x26 -> { value = c.u16(); kind = Kind.STRING; string = indexed(c, value, die, ctx, at); }
            case 0x27 -> { value = c.unsigned(3); kind = Kind.STRING; string = indexed(c, value, die, ctx, at); }
            case 0x28 -> { value = c.u32(); kind = Kind.STRING; string = indexed(c, value, die, ctx, at); }
            case 0x29 -> c.u8();
            case 0x2a -> c.u16();
            case 0x2b -> c.unsigned(3);
            case 0x2c -> c.u32(); // addrx1-4
            default -> throw c.error(at, "unknown attribute form 0x" + Integer.toHexString(form));
        }
        if (name == AT_SIBLING && kind == Kind.REF) {
            return value;
        }
        if (name == AT_STR_OFFSETS_BASE && !ctx.rootRead) {
            ctx.strOffsetsBase = value;
        }
        if (die == null) {
            return sibling;
        }
        boolean number = kind == Kind.CONST || kind == Kind.SIGNED || kind == Kind.UNSIGNED;
        switch (name) {
            case AT_NAME -> die.name = string;
            case AT_TYPE -> die.type = kind == Kind.REF ? value : Die.NONE;
            case AT_BYTE_SIZE -> die.byteSize = number ? value : unsupported(die, "a byte size that is not a constant");
            case AT_BIT_SIZE -> die.bitSize = number ? value : unsupported(die, "a bit size that is not a constant");
            case AT_BIT_OFFSET -> die.bitOffset = number ? signed(value, width, kind) : Die.NONE;
            case AT_DATA_BIT_OFFSET -> die.dataBitOffset = number ? value : unsupported(die, "a computed bit offset");
            case AT_MEMBER_LOCATION -> die.memberLocation = number ? value
                    : kind == Kind.BLOCK ? location(c, blockStart, blockLength, die) : unsupported(die, "a location list");
            case AT_COUNT -> die.count = number ? signed(value, width, kind) : unsupported(die, "a count computed at run time");
            case AT_UPPER_BOUND -> die.upperBound = number ? value : unsupported(die, "a bound computed at run time");
            case AT_LOWER_BOUND -> die.lowerBound = number ? value : Die.NONE;
            case AT_ALIGNMENT -> die.alignment = number ? value : Die.NONE;
            case AT_ENCODING -> die.encoding = (int) value;
            case AT_DECLARATION -> die.declaration = value != 0;
            case AT_DECL_FILE -> die.declFile = value;
            case AT_STMT_LIST -> die.stmtList = kind == Kind.OTHER || kind == Kind.CONST ? value : Die.NONE;
            case AT_COMP_DIR -> die.compDir = string;
            case AT_DECL_LINE -> die.declLine = value;
            case AT_DECL_COLUMN -> die.declColumn = value;
            case AT_CONST_VALUE -> {
                die.constValue = value;
                die.constWidth = kind == Kind.CONST ? width : 0;
                die.constUnsigned = kind == Kind.UNSIGNED;
            }
            default -> { }
        }
        return sibling;
    }

    /** Sign-extends a value that {@code DW_FORM_dataN} gave without a sign, where only a signed reading makes sense. */
    private static long signed(long value, int width, Kind kind) {
        if (kind != Kind.CONST || width == 8) {
            return value;
        }
        int shift = 64 - width * 8;
        return (value << shift) >> shift;
    }

    private static long unsupported(Die die, String what) {
        die.unsupported = what;
        return Die.NONE;
    }

    /** {@code DW_AT_data_member_location} as an expression: {@code DW_OP_plus_uconst N} or a constant push. */
    private static long location(Cursor c, long start, long length, Die die) {
        if (length == 0) {
            return unsupported(die, "an empty member location");
        }
        int saved = c.position();
        try {
            c.at(start);
            int op = c.u8();
            long v;
            if (op == 0x23 || op == 0x10) { // DW_OP_plus_uconst, DW_OP_constu
                v = c.uleb();
            } else if (op >= 0x30 && op <= 0x4f) { // DW_OP_lit0..31
                v = op - 0x30;
            } else {
                return unsupported(die, "a member location expression (op 0x" + Integer.toHexString(op) + ")");
            }
            if (c.position() != start + length) {
                return unsupported(die, "a member location expression of several operations");
            }
            return v;
        } finally {
            c.at(saved);
        }
    }

    private static String indexed(Cursor c, long index, Die die, UnitContext ctx, long at) {
        if (die == null || !ctx.rootRead) {
            return null;
        }
        return ctx.strings.indexed(ctx.strOffsetsBase, index, ctx.unit.dwarf64(), c, at);
    }

    private static String skipString(Cursor c) {
        while (c.u8() != 0) {
            // skip
        }
        return null;
    }
}
