package cn.gov.linfen.fenhe.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example process (示例：企业信息登记) is the platform's own test fixture: nothing of it is in the main
 * output that goes into the jar, so nobody can start it on a server (issue 14).
 */
class ExampleIsTestOnlyTest {

  private static final Path MAIN_OUTPUT = Path.of("target", "classes");

  @Test
  void nothing_of_the_example_is_in_the_main_output() throws Exception {
    assertThat(MAIN_OUTPUT).isDirectory();
    try (Stream<Path> files = Files.walk(MAIN_OUTPUT)) {
      assertThat(
              files
                  .map(MAIN_OUTPUT::relativize)
                  .map(Path::toString)
                  .filter(name -> name.contains("example") || name.contains("Example")))
          .as("files of the example in the jar's classes")
          .isEmpty();
    }
    String configuration = Files.readString(MAIN_OUTPUT.resolve("application.yaml"));
    assertThat(configuration.toLowerCase(java.util.Locale.ROOT)).doesNotContain("example");
  }
}
