package de.stadtportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.sourceforge.pmd.cpd.CPDConfiguration;
import net.sourceforge.pmd.cpd.CpdAnalysis;
import net.sourceforge.pmd.cpd.Mark;
import net.sourceforge.pmd.cpd.Match;
import net.sourceforge.pmd.lang.Language;
import org.junit.jupiter.api.Test;

/**
 * A helper copied into a second service is a second place to fix it: PMD's copy-paste detector
 * (CPD) reads the production code of the services and of the platform modules they share, and no
 * run of six lines may appear in two of them; such a helper belongs in the platform. Repeats
 * within one module are printed, not refused: they are that module's own business.
 * <p>
 * CPD compares runs of tokens, not lines. It is asked for runs of at least {@value #TOKENS} tokens
 * (this code averages about six a line) and a run counts once it spans {@value #LINES} lines: the
 * lines decide, the token floor only keeps runs of braces and blank lines out.
 */
class CopyPasteTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Production code compared; platform/testing and the launcher serve tests and the local platform. */
    private static final List<String> MODULES = List.of("platform/kernel", "platform/contracts", "platform/messaging",
            "platform/web", "content-service", "events-service", "search-service", "gateway-service", "identity-service",
            "portal-web");
    private static final int LINES = 6;
    private static final int TOKENS = 25;

    @Test
    void no_six_lines_of_production_code_repeat_in_two_modules() throws IOException {
        List<Repeat> repeats = repeats();
        List<Repeat> across = repeats.stream()
                .filter(repeat -> repeat.modules().size() > 1 && !repeat.domainMirrorsItsContract()).toList();
        List<Repeat> mirrors = repeats.stream().filter(Repeat::domainMirrorsItsContract).toList();
        List<Repeat> within = repeats.stream().filter(repeat -> repeat.modules().size() == 1).toList();

        String report = "\n" + across.size() + " repeats of " + LINES + "+ lines across modules:\n" + describe(across)
                + "\n" + mirrors.size() + " domain records checking what their contract checks (not refused):\n"
                + describe(mirrors)
                + "\n" + within.size() + " repeats within one module (not refused):\n" + describe(within);
        System.out.println("CopyPasteTest:" + report);
        assertThat(across).as(report).isEmpty();
    }

    private static List<Repeat> repeats() throws IOException {
        CPDConfiguration configuration = new CPDConfiguration();
        Language java = configuration.getLanguageRegistry().getLanguageById("java");
        configuration.setOnlyRecognizeLanguage(java);
        configuration.setMinimumTileSize(TOKENS);
        for (String module : MODULES) {
            configuration.addInputPath(ROOT.resolve(module).resolve("src/main/java"));
        }
        List<Repeat> repeats = new ArrayList<>();
        try (CpdAnalysis analysis = CpdAnalysis.create(configuration)) {
            analysis.performAnalysis(report -> {
                assertThat(report.getProcessingErrors()).as("files CPD could not read").isEmpty();
                for (Match match : report.getMatches()) {
                    if (match.getLineCount() >= LINES) {
                        repeats.add(Repeat.of(match));
                    }
                }
            });
        }
        repeats.sort(Comparator.comparing(Repeat::lines).reversed().thenComparing(repeat -> repeat.places().get(0)));
        return repeats;
    }

    private static String describe(List<Repeat> repeats) {
        return repeats.stream()
                .map(repeat -> "  " + repeat.lines() + " lines, " + repeat.tokens() + " tokens: "
                        + String.join(", ", repeat.places()))
                .collect(Collectors.joining("\n"));
    }

    /** One run of code found in several places: {@code module/src/main/java/…/File.java:from-to}. */
    record Repeat(int lines, int tokens, List<String> places, Set<String> modules) {

        static Repeat of(Match match) {
            List<String> places = new ArrayList<>();
            Set<String> modules = new TreeSet<>();
            for (Mark mark : match) {
                Path file = ROOT.relativize(Path.of(mark.getLocation().getFileId().getAbsolutePath()));
                places.add(file + ":" + mark.getLocation().getStartLine() + "-" + mark.getLocation().getEndLine());
                modules.add(module(file));
            }
            places.sort(Comparator.naturalOrder());
            return new Repeat(match.getLineCount(), match.getTokenCount(), places, modules);
        }

        /**
         * A service's domain keeps its own types apart from the contracts (the domain never imports
         * them, docs/architecture.md), so a domain record may check the same fields its contract
         * record checks: the price of that separation, not a copied helper.
         */
        boolean domainMirrorsItsContract() {
            return modules.size() == 2 && modules.contains("platform/contracts")
                    && places.stream().filter(place -> !place.startsWith("platform/contracts/"))
                            .allMatch(place -> place.contains("/domain/"));
        }

        private static String module(Path file) {
            String path = file.toString().replace('\\', '/');
            return MODULES.stream().filter(module -> path.startsWith(module + "/")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("not in a compared module: " + path));
        }
    }
}
