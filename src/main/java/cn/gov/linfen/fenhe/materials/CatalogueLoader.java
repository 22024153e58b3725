package cn.gov.linfen.fenhe.materials;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the catalogues ({@code processes/<procedure>/pN-materials.yaml}) and checks them against
 * the models: a wrong process key, step id, format or a missing key stops the start, naming the
 * file and the key.
 *
 * <pre>
 * process: soe-reform-fund
 * materials:
 *   - type: application-report          # kebab-case id
 *     name: 国有企业改革专项资金申请报告及申请表
 *     article: 第九条（一）1
 *     required: true
 *     step: StartEvent_ApplicationSubmitted   # start event or user task of the process
 *     alsoAt: [UserTask_CorrectApplication]   # optional: further steps that take it again
 *     addedBy: [applicant]                    # group ids or applicant
 *     formats: [pdf, jpg, png]
 * </pre>
 */
public final class CatalogueLoader {

  private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private CatalogueLoader() {}

  /** A mistake in a catalogue. */
  public static final class CatalogueException extends IllegalStateException {
    CatalogueException(String source, String key, String problem) {
      super("Materials catalogue " + source + ", " + key + ": " + problem);
    }
  }

  /** Loads every catalogue matching the patterns, checked against the models on the classpath. */
  public static Catalogue load(List<String> patterns) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      Map<String, Map<String, String>> steps = steps(resolver);
      Map<String, Catalogue.Procedure> procedures = new LinkedHashMap<>();
      for (String pattern : patterns) {
        for (Resource resource : resolver.getResources(pattern)) {
          String source = source(resource);
          try (InputStream in = resource.getInputStream()) {
            Catalogue.Procedure procedure = parse(source, in, steps);
            if (procedures.put(procedure.processKey(), procedure) != null) {
              throw new CatalogueException(
                  source, "process", "a second catalogue of " + procedure.processKey());
            }
          }
        }
      }
      return new Catalogue(procedures);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the materials catalogues: " + e.getMessage(), e);
    }
  }

  private static String source(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int at = url.lastIndexOf("processes/");
      return at >= 0 ? url.substring(at) : url;
    } catch (IOException e) {
      return resource.getDescription();
    }
  }

  /** Process key → (element id → "start" or "task") of the start events and user tasks. */
  static Map<String, Map<String, String>> steps(PathMatchingResourcePatternResolver resolver)
      throws IOException {
    Map<String, Map<String, String>> steps = new HashMap<>();
    for (Resource resource : resolver.getResources("classpath*:processes/**/*.bpmn")) {
      try (InputStream in = resource.getInputStream()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        for (Process process : model.getModelElementsByType(Process.class)) {
          Map<String, String> ids = steps.computeIfAbsent(process.getId(), k -> new HashMap<>());
          for (ModelElementInstance start : process.getChildElementsByType(StartEvent.class)) {
            ids.put(start.getAttributeValue("id"), "start");
          }
          for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (inProcess(task, process)) {
              ids.put(task.getId(), "task");
            }
          }
        }
      }
    }
    return steps;
  }

  private static boolean inProcess(ModelElementInstance element, Process process) {
    for (ModelElementInstance parent = element.getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent == process) {
        return true;
      }
    }
    return false;
  }

  static Catalogue.Procedure parse(
      String source, InputStream in, Map<String, Map<String, String>> steps) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    if (!(root instanceof Map<?, ?> map)) {
      throw new CatalogueException(source, "(file)", "not a map with process and materials");
    }
    String processKey = text(source, "process", map.get("process"));
    Map<String, String> ids = steps.get(processKey);
    if (ids == null) {
      throw new CatalogueException(source, "process", "no model has the process " + processKey);
    }
    if (!(map.get("materials") instanceof List<?> list) || list.isEmpty()) {
      throw new CatalogueException(source, "materials", "a list of at least one material");
    }
    List<MaterialType> types = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> startSteps = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "materials[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> entry)) {
        throw new CatalogueException(source, at, "not a map");
      }
      String type = text(source, at + ".type", entry.get("type"));
      if (!TYPE.matcher(type).matches() || type.length() > 64) {
        throw new CatalogueException(source, at + ".type", "not a kebab-case id: " + type);
      }
      if (!seen.add(type)) {
        throw new CatalogueException(source, at + ".type", "listed twice: " + type);
      }
      String step = text(source, at + ".step", entry.get("step"));
      if (!ids.containsKey(step)) {
        throw new CatalogueException(
            source, at + ".step", "no start event or user task " + step + " in " + processKey);
      }
      if ("start".equals(ids.get(step))) {
        startSteps.add(step);
      }
      List<String> alsoAt = texts(source, at + ".alsoAt", entry.get("alsoAt"), false);
      for (String also : alsoAt) {
        if (!"task".equals(ids.get(also))) {
          throw new CatalogueException(
              source, at + ".alsoAt", "no user task " + also + " in " + processKey);
        }
      }
      List<Format> formats = new ArrayList<>();
      for (String format : texts(source, at + ".formats", entry.get("formats"), true)) {
        formats.add(
            Format.of(format)
                .orElseThrow(
                    () ->
                        new CatalogueException(
                            source,
                            at + ".formats",
                            "unknown format "
                                + format
                                + " (known: pdf, jpg, png, doc, docx, xls, xlsx)")));
      }
      if (!(entry.get("required") instanceof Boolean required)) {
        throw new CatalogueException(source, at + ".required", "true or false");
      }
      types.add(
          new MaterialType(
              type,
              text(source, at + ".name", entry.get("name")),
              text(source, at + ".article", entry.get("article")),
              required,
              step,
              alsoAt,
              texts(source, at + ".addedBy", entry.get("addedBy"), true),
              formats));
    }
    return new Catalogue.Procedure(processKey, source, types, startSteps);
  }

  private static String text(String source, String key, Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new CatalogueException(source, key, "missing or not a text");
    }
    return text.strip();
  }

  private static List<String> texts(String source, String key, Object value, boolean required) {
    if (value == null && !required) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || required && list.isEmpty()) {
      throw new CatalogueException(source, key, "a list of at least one text");
    }
    List<String> texts = new ArrayList<>();
    for (Object item : list) {
      texts.add(text(source, key, item));
    }
    return texts;
  }
}
