package cn.gov.linfen.fenhe.materials;

import java.util.ArrayList;
import java.util.List;

/**
 * One kind of material of a procedure's catalogue ({@code
 * processes/<procedure>/pN-materials.yaml}).
 *
 * @param type the id (kebab case), e.g. {@code application-report}
 * @param name what a person reads, in Chinese
 * @param article the gazette's article that requires it, e.g. {@code 第九条（一）1}
 * @param required whether the step cannot be completed (or the case started) without it
 * @param step the BPMN id of the start event or user task at which it is handed in
 * @param alsoAt further user tasks at which it may be handed in again or replaced (corrections)
 * @param addedBy who adds it: group ids (a county group's prefix covers its counties) or {@code
 *     applicant}
 * @param formats the accepted formats ({@link Format} names)
 */
public record MaterialType(
    String type,
    String name,
    String article,
    boolean required,
    String step,
    List<String> alsoAt,
    List<String> addedBy,
    List<Format> formats) {

  public static final String APPLICANT = "applicant";

  public MaterialType {
    alsoAt = List.copyOf(alsoAt);
    addedBy = List.copyOf(addedBy);
    formats = List.copyOf(formats);
  }

  /** Every step at which it may be handed in: its step first. */
  public List<String> steps() {
    List<String> steps = new ArrayList<>();
    steps.add(step);
    steps.addAll(alsoAt);
    return steps;
  }

  public boolean byApplicant() {
    return addedBy.contains(APPLICANT);
  }

  /** Whether a member of these groups may add it (a group or a county group of it). */
  public boolean byGroupOf(List<String> groupIds) {
    return addedBy.stream()
        .filter(g -> !APPLICANT.equals(g))
        .anyMatch(g -> groupIds.stream().anyMatch(id -> id.equals(g) || id.startsWith(g + "-")));
  }
}
