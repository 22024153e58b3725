package cn.gov.linfen.fenhe.materials;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The materials of every procedure that has a catalogue, by process key. Loaded and checked at
 * start ({@link CatalogueLoader}).
 */
public final class Catalogue {

  /** One procedure's catalogue: its materials and which of their steps are start events. */
  public record Procedure(
      String processKey, String source, List<MaterialType> materials, Set<String> startSteps) {

    public Procedure {
      materials = List.copyOf(materials);
      startSteps = Set.copyOf(startSteps);
    }

    public Optional<MaterialType> type(String type) {
      return materials.stream().filter(m -> m.type().equals(type)).findFirst();
    }

    /** The materials handed in at the start (before the case exists). */
    public List<MaterialType> atStart() {
      return materials.stream().filter(m -> startSteps.contains(m.step())).toList();
    }

    /** The required materials whose step is this one. */
    public List<MaterialType> requiredAt(String step) {
      return materials.stream().filter(m -> m.required() && m.step().equals(step)).toList();
    }
  }

  private final Map<String, Procedure> procedures;

  public Catalogue(Map<String, Procedure> procedures) {
    this.procedures = Map.copyOf(procedures);
  }

  public Optional<Procedure> of(String processKey) {
    return Optional.ofNullable(processKey).map(procedures::get);
  }

  public Set<String> processKeys() {
    return procedures.keySet();
  }
}
