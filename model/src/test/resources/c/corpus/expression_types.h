/* sizeof of an expression answers its type's size before promotion: a cast to a narrow type, a
 * char16_t or wide character constant (wchar_t is 2 bytes on Windows), the right operand of a
 * comma; arithmetic, unary operators and ?: promote to int. sizeof itself is a size_t (8 bytes
 * on x86_64-windows, where long is 4). */
#define FIELD_BYTES(x) sizeof(x)

struct expression_types {
    char cast_char[sizeof((char)1)];
    char cast_short[sizeof((short)1)];
    char cast_bool[sizeof((_Bool)7)];
    char cast_long[sizeof((long)1)];
    char cast_pointer[sizeof((char *)0)];
    char plus_promotes[sizeof(+(char)1)];
    char sum_promotes[sizeof((unsigned char)1 + 0)];
    char not_is_int[sizeof(!1)];
    char complement_promotes[sizeof(~(char)1)];
    char comma_right[sizeof((char)1, (short)2)];
    char conditional_promotes[sizeof(1 ? (char)1 : (char)2)];
    char shift_left_type[sizeof((long long)1 << 1)];
    char shift_count_type[sizeof(1 << (long long)1)];
    char char_constant[sizeof('a')];
    char wide_constant[sizeof(L'a')];
    char char16_constant[sizeof(u'a')];
    char char32_constant[sizeof(U'a')];
    char macro_of_cast[FIELD_BYTES((unsigned short)70000)];
    char size_t_size[sizeof(sizeof(1))];
    char string_size_t[sizeof(sizeof "ab")];
};

/* _Alignof of an expression (a GNU extension) is its type's ABI alignment, __alignof__ the
 * preferred one: on i386, 4 and 8 for a double or a long long. */
struct expression_alignments {
    char align_double[_Alignof(1.0)];
    char gnu_align_double[__alignof__(1.0)];
    char align_long_long[_Alignof(1LL)];
    char gnu_align_long_long[__alignof__(1LL)];
    char align_char_cast[_Alignof((char)1)];
    char gnu_align_float[__alignof__(2.0f)];
    char align_pointer[_Alignof((void *)0)];
};
