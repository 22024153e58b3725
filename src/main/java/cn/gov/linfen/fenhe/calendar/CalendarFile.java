package cn.gov.linfen.fenhe.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the shipped data file {@code calendar/cn-workdays.yaml}: a bad file stops the start-up. */
public final class CalendarFile {

  public static final String DEFAULT_LOCATION = "calendar/cn-workdays.yaml";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CalendarFile() {}

  /** The years of the data file on the classpath. */
  public static List<HolidayYear> load(String classpathLocation) {
    try (InputStream in =
        CalendarFile.class.getClassLoader().getResourceAsStream(classpathLocation)) {
      if (in == null) {
        throw new IllegalStateException(
            "Working-day data file missing from the classpath: " + classpathLocation);
      }
      return parse(in, classpathLocation);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + classpathLocation, e);
    }
  }

  static List<HolidayYear> parse(InputStream in, String name) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    JsonNode years = JSON.valueToTree(plain(root)).get("years");
    if (years == null || !years.isObject()) {
      throw new IllegalStateException(name + ": no 'years' section");
    }
    List<HolidayYear> result = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = years.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      try {
        result.add(HolidayYearParser.parse(Integer.parseInt(entry.getKey()), entry.getValue()));
      } catch (NumberFormatException e) {
        throw new IllegalStateException(name + ": years." + entry.getKey() + " is not a year");
      } catch (CalendarDataException e) {
        throw new IllegalStateException(
            name + ": years." + entry.getKey() + "." + e.getMessage(), e);
      }
    }
    return result;
  }

  /** YAML reads an unquoted 2026-01-01 as a timestamp (UTC midnight): back to the day it names. */
  private static Object plain(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(CalendarFile::plain).toList();
    }
    return value;
  }
}
