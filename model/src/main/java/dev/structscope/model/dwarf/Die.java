package dev.structscope.model.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * One debugging information entry that can describe a type, with the attributes a layout needs
 * already decoded (references as absolute {@code .debug_info} offsets, strings resolved).
 * Entries that describe no type (functions, variables, scopes) are never built.
 *
 * <p>Filled by {@link UnitReader} while it reads a unit, then only read; one thread.
 */
final class Die {
    static final long NONE = Long.MIN_VALUE;
    /** The tag of the stand-in for an entry inside a unit that the reader did not keep (tag 0 is reserved in DWARF). */
    static final int NOT_READ = 0;

    // The tags and encodings a layout needs (DWARF 5, section 7.5 and 7.8).
    static final int TAG_ARRAY = 0x01;
    static final int TAG_CLASS = 0x02;
    static final int TAG_ENUMERATION = 0x04;
    static final int TAG_MEMBER = 0x0d;
    static final int TAG_POINTER = 0x0f;
    static final int TAG_REFERENCE = 0x10;
    static final int TAG_COMPILE_UNIT = 0x11;
    static final int TAG_STRUCTURE = 0x13;
    static final int TAG_SUBROUTINE = 0x15;
    static final int TAG_TYPEDEF = 0x16;
    static final int TAG_UNION = 0x17;
    static final int TAG_PTR_TO_MEMBER = 0x1f;
    static final int TAG_SUBRANGE = 0x21;
    static final int TAG_BASE = 0x24;
    static final int TAG_CONST = 0x26;
    static final int TAG_ENUMERATOR = 0x28;
    static final int TAG_VOLATILE = 0x35;
    static final int TAG_RESTRICT = 0x37;
    static final int TAG_NAMESPACE = 0x39;
    static final int TAG_UNSPECIFIED = 0x3b;
    static final int TAG_PARTIAL_UNIT = 0x3c;
    static final int TAG_RVALUE_REFERENCE = 0x42;
    static final int TAG_TYPE_UNIT = 0x41;
    static final int TAG_ATOMIC = 0x47;

    final long offset;
    final int tag;
    String name;
    long byteSize = NONE;
    long bitSize = NONE;
    /** DWARF 2-4 {@code DW_AT_bit_offset}: counted from the most significant bit of the storage unit. */
    long bitOffset = NONE;
    long dataBitOffset = NONE;
    long memberLocation = NONE;
    long type = NONE;
    /** {@code DW_FORM_ref_sig8}: the type is the one of the type unit with this signature (when {@link #type} is NONE). */
    Long typeSignature;
    long count = NONE;
    long upperBound = NONE;
    long lowerBound = NONE;
    long alignment = NONE;
    int encoding;
    boolean declaration;
    long constValue;
    /** The constant's form gave its width but not its sign ({@code DW_FORM_dataN}): 1, 2, 4 or 8; 0 when signed or unsigned by form. */
    int constWidth;
    boolean constUnsigned;
    long declFile;
    /** A unit's offset into {@code .debug_line} (its root entry only). */
    long stmtList = NONE;
    /** A unit's compilation directory, against which its relative file names stand (its root entry only). */
    String compDir;
    long declLine;
    long declColumn;
    /** What could not be decoded (an expression location, a type signature): the reason, else null. */
    String unsupported;
    final List<Die> children = new ArrayList<>(0);

    Die(long offset, int tag) {
        this.offset = offset;
        this.tag = tag;
    }

    /** Whether the tag is one a layout reads (or that holds such entries). */
    static boolean wanted(int tag) {
        return switch (tag) {
            case TAG_ARRAY, TAG_CLASS, TAG_ENUMERATION, TAG_MEMBER, TAG_POINTER, TAG_REFERENCE, TAG_STRUCTURE,
                 TAG_SUBROUTINE, TAG_TYPEDEF, TAG_UNION, TAG_PTR_TO_MEMBER, TAG_SUBRANGE, TAG_BASE, TAG_CONST,
                 TAG_ENUMERATOR, TAG_VOLATILE, TAG_RESTRICT, TAG_NAMESPACE, TAG_UNSPECIFIED, TAG_RVALUE_REFERENCE,
                 TAG_ATOMIC -> true;
            default -> false;
        };
    }

    boolean isRecord() {
        return tag == TAG_STRUCTURE || tag == TAG_UNION || tag == TAG_CLASS;
    }

    @Override
    public String toString() {
        return "DIE 0x" + Long.toHexString(offset) + " tag 0x" + Integer.toHexString(tag) + (name == null ? "" : " " + name);
    }
}
