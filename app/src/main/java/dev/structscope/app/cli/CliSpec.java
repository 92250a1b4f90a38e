package dev.structscope.app.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one command accepts, declared in code on picocli's programmatic model: each option,
 * positional parameter and exclusive group names the setter that puts its value into the command's
 * field. Picocli's annotations say the same more briefly, but to read them the JDK generates a
 * proxy class for each annotation type at run time, which no AOT cache holds: about 55 ms of every
 * command's start, more than a third of a short command's own work (docs/dev/benchmarks.md).
 *
 * <p>A field keeps its Java initial value when its option is not given (the setter is only called
 * for values on the command line); the help text says the default. Made by {@link
 * CliCommand#spec()} once per run, on the calling thread, and dropped after the parse.
 */
final class CliSpec {
    static final String VERSION = "StructScope 0.1.0";

    private final CommandSpec spec;
    /** The exclusive group whose members are being declared, or null. */
    private ArgGroupSpec.Builder group;
    /**
     * The positional parameters, added after the options: picocli reports what is missing in the
     * order it was added, and from annotations it adds the options first ("Missing required options
     * and parameters: '--type=NAME', 'LAYOUT', 'DATA'").
     */
    private final List<PositionalParamSpec> positionals = new ArrayList<>();

    /**
     * A command's model for {@code userObject} (what picocli runs: a {@link Runnable} or {@link
     * java.util.concurrent.Callable}) with its description and, as every command has them, {@code
     * -h/--help} and {@code -V/--version} (what picocli's standard help mixin declares, without
     * its annotations).
     */
    CliSpec(Object userObject, String description) {
        spec = CommandSpec.wrapWithoutInspection(userObject);
        spec.version(VERSION);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).hasInitialValue(false)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).hasInitialValue(false)
                .description("Print version information and exit.").build());
    }

    /** The command's model, complete once every option and positional is declared. */
    CommandSpec spec() {
        positionals.forEach(spec::addPositional);
        positionals.clear();
        return spec;
    }

    /** An option taking one value of {@code type}; {@code names} as the help prints them ({@code "-o, --output"}). */
    <T> void option(String names, String label, Class<T> type, Consumer<? super T> set, String description) {
        add(OptionSpec.builder(names.split(", ")).paramLabel(label).type(type), set, description);
    }

    /** An option that must be given. */
    <T> void required(String names, String label, Class<T> type, Consumer<? super T> set, String description) {
        add(OptionSpec.builder(names.split(", ")).paramLabel(label).type(type).required(true), set, description);
    }

    /** An option whose text {@code converter} turns into its value. */
    <T> void option(String names, String label, Class<T> type, ITypeConverter<T> converter, Consumer<? super T> set,
                    String description) {
        add(OptionSpec.builder(names.split(", ")).paramLabel(label).type(type).converters(converter), set, description);
    }

    /** An option without a value: true when given. */
    void flag(String name, Consumer<Boolean> set, String description) {
        add(OptionSpec.builder(name).type(boolean.class), set, description);
    }

    /** An option that may be given several times; its values in the order given. */
    void repeatable(String name, String label, Consumer<List<String>> set, String description) {
        add(OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(String.class), set, description);
    }

    /** The positional parameter at {@code index}, required. */
    <T> void positional(int index, String label, Class<T> type, Consumer<? super T> set, String description) {
        PositionalParamSpec.Builder b = PositionalParamSpec.builder().index(Integer.toString(index)).required(true).paramLabel(label)
                .type(type).hasInitialValue(false).description(description);
        Binding<T> binding = new Binding<>(set);
        positionals.add(b.setter(binding).getter(binding).build());
    }

    /**
     * The options {@code members} declares, of which at most one may be given (exactly one when
     * {@code required}); picocli's usage and its "mutually exclusive" message name them.
     */
    void exclusive(boolean required, Runnable members) {
        group = ArgGroupSpec.builder().exclusive(true).multiplicity(required ? "1" : "0..1");
        try {
            members.run();
            spec.addArgGroup(group.build());
        } finally {
            group = null;
        }
    }

    private <T> void add(OptionSpec.Builder b, Consumer<? super T> set, String description) {
        Binding<T> binding = new Binding<>(set);
        OptionSpec option = b.hasInitialValue(false).description(description).setter(binding).getter(binding).build();
        if (group != null) {
            group.addArg(option);
        } else {
            spec.addOption(option);
        }
    }

    /**
     * Where picocli puts a value: the command's setter. It also keeps the value, which picocli reads
     * back (a repeated option's list grows through it); before the first value it has none, which
     * picocli takes as "no default" (a flag's value when given is then {@code true}).
     */
    private static final class Binding<T> implements ISetter, IGetter {
        private final Consumer<? super T> set;
        private Object value;

        Binding(Consumer<? super T> set) {
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V v) {
            Object old = value;
            value = v;
            if (v != null) {
                set.accept((T) v);
            }
            return (V) old;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) value;
        }
    }
}
