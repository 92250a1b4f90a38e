package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;

import java.util.HashMap;
import java.util.Map;

/**
 * What StructScope does with each GCC/clang attribute name ({@code __attribute__((name))} and
 * {@code [[gnu::name]]}): the one place where attributes are classified. The rule: an attribute
 * that can change a layout is either implemented exactly or refused with "not supported", never
 * skipped; a name that is in none of the lists is refused too, because its effect is unknown.
 * Names are looked up without their {@code __...__} decoration. Stateless.
 */
final class GnuAttributes {
    private GnuAttributes() {
    }

    /** What an attribute means for layouts. */
    enum Kind {
        /** No effect on sizes, offsets or alignment: skipped with its arguments. */
        NEUTRAL,
        /** Implemented by {@link Attributes} (packed, aligned, vector_size, mode...). */
        IMPLEMENTED,
        /** Changes layouts in a way StructScope does not reproduce: an error. */
        REFUSED
    }

    private static final Map<String, Kind> TABLE = table();

    private static Map<String, Kind> table() {
        Map<String, Kind> m = new HashMap<>();
        for (String n : new String[] {"packed", "aligned", "vector_size", "mode", "ms_struct", "gcc_struct",
            "neon_vector_type", "neon_polyvector_type"}) {
            m.put(n, Kind.IMPLEMENTED);
        }
        // Changes layouts and is not reproduced: byte order of scalar members, GCC's plugin that
        // shuffles members, clang's OpenCL-style and matrix vectors, and attributes that copy
        // another declaration's attributes (alignment included).
        for (String n : new String[] {"scalar_storage_order", "randomize_layout", "ext_vector_type", "matrix_type",
                "copy", "arm_sve_vector_bits",
                "riscv_rvv_vector_bits", "altivec", "vector"}) {
            m.put(n, Kind.REFUSED);
        }
        // Type, variable, field and function attributes of GCC and clang that leave sizes,
        // offsets and alignments alone (functions and variables are skipped anyway, but their
        // attributes are parsed).
        String neutral = """
                unused used deprecated unavailable visibility may_alias transparent_union designated_init
                no_randomize_layout warn_if_not_aligned nonstring strict_flex_array counted_by
                preserve_access_index btf_type_tag btf_decl_tag hardbool common nocommon section weak weakref
                alias cleanup tls_model noinit persistent retain uninitialized objc_root_class
                format format_arg nonnull noreturn const pure malloc alloc_size alloc_align assume_aligned
                returns_nonnull returns_twice warn_unused_result sentinel nothrow leaf artificial always_inline
                gnu_inline noinline noclone noipa flatten hot cold constructor destructor externally_visible
                no_instrument_function no_sanitize no_sanitize_address no_sanitize_thread no_sanitize_memory
                no_sanitize_undefined no_address_safety_analysis no_stack_protector stack_protect
                no_split_stack no_profile_instrument_function no_reorder optimize target target_clones
                access fd_arg fd_arg_read fd_arg_write null_terminated_string_arg ifunc symver
                abi_tag warning error fallthrough assume simd naked interrupt regparm stdcall cdecl fastcall
                thiscall vectorcall ms_abi sysv_abi force_align_arg_pointer sseregparm pcs nocf_check
                indirect_branch function_return indirect_return zero_call_used_regs patchable_function_entry
                minsize nodebug overloadable enable_if diagnose_if annotate availability
                internal_linkage exclude_from_explicit_instantiation noescape noderef no_builtin
                require_constant_initialization analyzer_noreturn preserve_most preserve_all
                no_caller_saved_registers no_icf dllimport dllexport selectany weak_import
                swift_name swift_private ns_returns_retained cf_returns_retained objc_boxable
                warn_unused nomerge leaf_function malloc_dealloc dealloc stack_allocated noplt
                cpu_dispatch cpu_specific callback capability lockable scoped_lockable guarded_by
                pt_guarded_by acquired_before acquired_after requires_capability acquire_capability
                release_capability no_thread_safety_analysis mig_server_routine unsafe_buffer_usage
                address_space ownership_holds ownership_returns ownership_takes nonblocking blocking consumable
                aarch64_vector_pcs aarch64_sve_pcs target_version expected_throughput
                min_vector_width clang_arm_builtin_alias __clang_arm_builtin_alias builtin_alias
                clang_builtin_alias swiftcall swift_context regcall no_sanitize_coverage disable_tail_calls
                not_tail_called convergent flatten nouwtable strub enum_extensibility flag_enum
                nonnull_if_nonzero objc_nullability preferred_type sized_by ended_by counted_by_or_null
                sized_by_or_null no_stack_limit stack_protector_strong unsequenced reproducible
                """;
        for (String n : neutral.trim().split("\\s+")) {
            m.put(n, Kind.NEUTRAL);
        }
        return Map.copyOf(m);
    }

    /** The kind of an attribute name (decorated or not); unknown names are {@link Kind#REFUSED}. */
    static Kind kind(String name) {
        return TABLE.getOrDefault(strip(name), Kind.REFUSED);
    }

    /** Why an attribute is refused, for "not supported: ..." messages. */
    static String refusal(String name, Abi abi) {
        String n = strip(name);
        return switch (n) {
            case "ms_struct" -> "not supported: ms_struct on " + abi.name()
                    + " (Microsoft bit-field rules are only used for the x86_64-windows ABI)";
            case "gcc_struct" -> "not supported: gcc_struct on " + abi.name();
            case "scalar_storage_order" -> "not supported: scalar_storage_order (members in another byte order)";
            default -> TABLE.containsKey(n) ? "not supported: attribute '" + n + "' (it changes the layout)"
                    : "not supported: attribute '" + n + "' (unknown, it might change the layout)";
        };
    }

    static String strip(String s) {
        if (s.length() > 4 && s.startsWith("__") && s.endsWith("__")) {
            return s.substring(2, s.length() - 2);
        }
        return s;
    }

    /**
     * The integer width in bytes of a {@code mode} name, 0 for a floating mode handled by the
     * caller, -1 when the mode is not supported. {@code word} and {@code pointer} follow the ABI
     * (the machine word is pointer-sized on all five).
     */
    static int modeBytes(String mode, Abi abi) {
        return switch (strip(mode)) {
            case "QI", "byte" -> 1;
            case "HI" -> 2;
            case "SI" -> 4;
            case "DI" -> 8;
            case "TI" -> 16;
            case "word", "pointer", "unwind_word" -> abi.pointer().size();
            case "SF", "DF" -> 0;
            default -> -1;
        };
    }
}
