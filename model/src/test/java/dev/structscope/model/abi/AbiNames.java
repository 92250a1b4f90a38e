package dev.structscope.model.abi;

import java.util.stream.Stream;

/**
 * The contract names of every ABI the engine knows, for parameterised tests that must cover all of
 * them ({@code @MethodSource("dev.structscope.model.abi.AbiNames#all")}): a sixth ABI is then
 * tested everywhere without anyone remembering to add it to a list.
 */
public final class AbiNames {
    private AbiNames() {
    }

    public static Stream<String> all() {
        return Abi.all().stream().map(Abi::name);
    }
}
