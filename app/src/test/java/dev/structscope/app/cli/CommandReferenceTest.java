package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@code docs/user/commands.md}, the public command reference, and the program together: the
 * page has a section for every command and none for a command that does not exist; every option a
 * command takes is named in its section or in the page's table of options every command takes; every
 * option a section names exists on that command; and every example in a {@code console} block is
 * run in-process and prints exactly what the page shows.
 */
class CommandReferenceTest {
    private static final Path PAGE = Path.of("..", "docs", "user", "commands.md");
    private static final String SAMPLES = "../sample-files/src/main/resources/dev/structscope/samples";
    private static final Pattern SECTION = Pattern.compile("(?m)^## structscope ([a-z]+)\\s*$");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]*|-o|-h|-V)(?![\\w-])");

    @Test
    void everyCommandHasASectionAndEverySectionACommand() throws IOException {
        Set<String> documented = sections(page()).keySet();
        Set<String> commands = new TreeSet<>(allCommands().getSubcommands().keySet());
        assertEquals(commands, new TreeSet<>(documented), "commands in the program vs sections of " + PAGE);
    }

    @Test
    void everyOptionIsDocumentedAndEveryDocumentedOptionExists() throws IOException {
        String page = page();
        Map<String, String> sections = sections(page);
        Set<String> common = options(page.substring(page.indexOf("## What every command takes"),
                page.indexOf("## structscope ")));
        List<String> problems = new ArrayList<>();
        allCommands().getSubcommands().forEach((name, cl) -> {
            String section = sections.get(name);
            if (section == null) {
                return; // reported by the test above
            }
            Set<String> named = options(section);
            Set<String> real = new TreeSet<>();
            for (OptionSpec o : cl.getCommandSpec().options()) {
                real.addAll(List.of(o.names()));
                boolean anyNamed = false;
                for (String n : o.names()) {
                    anyNamed |= named.contains(n) || common.contains(n);
                }
                if (!anyNamed) {
                    problems.add(name + ": option " + o.longestName() + " is not documented");
                }
            }
            for (String n : named) {
                if (!real.contains(n)) {
                    problems.add(name + ": the page names " + n + ", which the command does not take");
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Each section's synopsis ({@code `structscope NAME ...`}, its first line) and the program's
     * help say the same: the positionals by the same names in the same order, and {@code --abi}'s
     * value by the name the help shows ({@code ABI}, or compare's {@code ABI|all}).
     */
    @Test
    void theSynopsesNameThePositionalsAndValuesAsTheHelpDoes() throws IOException {
        Map<String, String> sections = sections(page());
        List<String> problems = new ArrayList<>();
        allCommands().getSubcommands().forEach((name, cl) -> {
            String section = sections.get(name);
            if (section == null) {
                return;
            }
            Matcher syn = Pattern.compile("`structscope " + name + " ([^`]*)`").matcher(section);
            if (!syn.find()) {
                problems.add(name + ": no synopsis");
                return;
            }
            String synopsis = syn.group(1);
            List<String> words = new ArrayList<>();
            // Positionals are the words outside brackets and parentheses that are not options or their values.
            int depth = 0;
            String previous = "";
            for (String w : synopsis.split("\\s+")) {
                boolean top = depth == 0;
                depth += w.chars().filter(c -> c == '[' || c == '(').count() - w.chars().filter(c -> c == ']' || c == ')').count();
                if (top && w.matches("[A-Z][A-Z_]*") && !previous.startsWith("-")) {
                    words.add(w);
                }
                previous = w;
            }
            List<String> labels = cl.getCommandSpec().positionalParameters().stream()
                    .filter(p -> p.required()).map(p -> p.paramLabel()).toList();
            // A synopsis may add a placeholder for a choice of options (capture's SOURCE) after them.
            if (words.size() < labels.size() || !words.subList(0, labels.size()).equals(labels)) {
                problems.add(name + ": the synopsis names " + words + ", the help " + labels);
            }
            Matcher opt = Pattern.compile("(--abi) ([A-Za-z][A-Za-z_|]*)").matcher(synopsis);
            while (opt.find()) {
                OptionSpec o = cl.getCommandSpec().findOption(opt.group(1));
                if (o != null && !opt.group(2).equals(o.paramLabel())) {
                    problems.add(name + ": " + opt.group(1) + " takes " + opt.group(2) + " in the synopsis, "
                            + o.paramLabel() + " in the help");
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theExamplesPrintWhatThePageShows() throws IOException {
        int ran = 0;
        for (Example e : examples(page())) {
            CliRun r = CliRun.run(e.args());
            int status = r.status();
            assertTrue(status == 0 || status == 3, e.command() + " → exit " + status + ": " + r.err);
            assertEquals(e.expected(), stripTrailing(r.out.toString()), e.command());
            ran++;
        }
        assertTrue(ran >= 8, "the page should show runnable examples, found " + ran);
    }

    private record Example(String command, String[] args, String expected) { }

    /** Each "$ structscope ..." line of a console block and the lines up to the next one. */
    private static List<Example> examples(String page) {
        List<Example> out = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```console\\n(.*?)```").matcher(page);
        while (block.find()) {
            String cmd = null;
            StringBuilder expected = new StringBuilder();
            for (String line : block.group(1).split("\n", -1)) {
                if (line.startsWith("$ ")) {
                    if (cmd != null) {
                        out.add(example(cmd, expected.toString()));
                    }
                    cmd = line.substring(2);
                    expected.setLength(0);
                } else if (cmd != null) {
                    expected.append(line).append('\n');
                }
            }
            if (cmd != null) {
                out.add(example(cmd, expected.toString()));
            }
        }
        return out;
    }

    private static Example example(String cmd, String expected) {
        assertTrue(cmd.startsWith("structscope "), "a console example runs structscope: " + cmd);
        String[] words = cmd.substring("structscope ".length()).trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            words[i] = words[i].replace("$S", SAMPLES);
        }
        return new Example(cmd, words, stripTrailing(expected).strip() + "\n");
    }

    private static String stripTrailing(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.strip().split("\n")) {
            b.append(line.stripTrailing()).append('\n');
        }
        return b.toString().strip() + "\n";
    }

    private static Map<String, String> sections(String page) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(page);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : page.length();
            out.put(names.get(i), page.substring(starts.get(i)[0], end));
        }
        return out;
    }

    private static Set<String> options(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = OPTION.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static CommandLine allCommands() {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        return StructScopeCli.commandLine(none, none);
    }

    private static String page() throws IOException {
        return Files.readString(PAGE);
    }
}
