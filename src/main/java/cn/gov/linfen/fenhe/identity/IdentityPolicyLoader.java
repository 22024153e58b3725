package cn.gov.linfen.fenhe.identity;

import cn.gov.linfen.fenhe.identity.IdentityPolicy.Grant;
import cn.gov.linfen.fenhe.identity.IdentityPolicy.PolicyGroup;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads and checks the identity policy ({@code identity/policy.yaml}, format in its header). A
 * mistake — an unknown key, resource, permission, group or permission set — stops the start with
 * every mistake named by its path in the file. Further files (a test's extra start grant) add to
 * the groups of the first: a group named there without a {@code name} gets their grants too.
 */
public final class IdentityPolicyLoader {

  public static final String DEFAULT_LOCATION = "classpath:identity/policy.yaml";

  /** The resource key that stands for every resource type. */
  public static final String EVERY_RESOURCE = "every-resource";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** resource → resource id → permission names, as written in the file. */
  static final class Grants extends LinkedHashMap<String, Map<String, List<String>>> {}

  /** The file as written (bound by Jackson, checked by {@link Checker}). */
  record PolicyFile(
      Map<String, Grants> permissionSets,
      Map<String, GroupEntry> groups,
      TechnicalUser technicalUser) {}

  record GroupEntry(
      String name, String type, Boolean perCounty, List<String> sets, Grants grants) {}

  record TechnicalUser(Grants grants) {}

  private IdentityPolicyLoader() {}

  /**
   * The policy of these files (Spring resource locations, e.g. {@code
   * classpath:identity/policy.yaml}), in order.
   */
  public static IdentityPolicy load(List<String> locations) {
    ResourceLoader loader = new DefaultResourceLoader(IdentityPolicyLoader.class.getClassLoader());
    List<Named> files = new ArrayList<>();
    for (String location : locations) {
      org.springframework.core.io.Resource resource = loader.getResource(location);
      if (!resource.exists()) {
        throw new IllegalStateException("Identity policy file missing: " + location);
      }
      try (InputStream in = resource.getInputStream()) {
        files.add(new Named(location, read(location, in)));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the identity policy " + location, e);
      }
    }
    return check(files);
  }

  /**
   * Who starts which process used to be configured ({@code fenhe.identity.starters}); it is the
   * policy's now. A configuration that still sets it stops the start rather than lose a grant
   * silently.
   */
  public static void refuseFormerStarters(Environment environment) {
    if (Binder.get(environment)
        .bind("fenhe.identity.starters", Bindable.mapOf(String.class, String[].class))
        .isBound()) {
      throw new IllegalStateException(
          "fenhe.identity.starters is no longer read: who starts which process is in "
              + "the identity policy (identity/policy.yaml, docs/security.md)");
    }
  }

  /** One policy text (tests). */
  public static IdentityPolicy parse(String name, String yaml) {
    return check(
        List.of(
            new Named(
                name,
                read(
                    name,
                    new java.io.ByteArrayInputStream(
                        yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))))));
  }

  record Named(String name, PolicyFile file) {}

  private static PolicyFile read(String name, InputStream in) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Identity policy " + name + " is not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      throw new IllegalStateException("Identity policy " + name + " is empty");
    }
    try {
      return MAPPER.convertValue(root, PolicyFile.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Identity policy "
              + name
              + " is not in the policy's format: "
              + e.getMessage().replaceAll("\\s*\\(class [^)]*\\)", ""),
          e);
    }
  }

  private static IdentityPolicy check(List<Named> files) {
    Checker checker = new Checker();
    for (Named file : files) {
      checker.add(file.name, file.file);
    }
    return checker.result();
  }

  /** Collects every mistake of every file before refusing. */
  private static final class Checker {
    private final List<String> problems = new ArrayList<>();
    private final Map<String, List<Grant>> sets = new LinkedHashMap<>();
    private final Map<String, PolicyGroup> groups = new LinkedHashMap<>();
    private final List<Grant> technicalUser = new ArrayList<>();

    void add(String file, PolicyFile policy) {
      if (policy.permissionSets() != null) {
        policy
            .permissionSets()
            .forEach(
                (name, grants) -> {
                  if (sets.containsKey(name)) {
                    problems.add(file + ": permission-sets." + name + " is defined twice");
                  }
                  sets.put(name, grants(file + ": permission-sets." + name, grants));
                });
      }
      if (policy.groups() != null) {
        policy.groups().forEach((id, entry) -> addGroup(file + ": groups." + id, id, entry));
      }
      if (policy.technicalUser() != null) {
        technicalUser.addAll(
            grants(file + ": technical-user.grants", policy.technicalUser().grants()));
      }
    }

    private void addGroup(String path, String id, GroupEntry entry) {
      if (entry == null) {
        problems.add(path + ": empty");
        return;
      }
      if (!id.matches("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*")) {
        problems.add(path + ": a group id is letters, digits and inner hyphens");
      }
      List<Grant> grants = new ArrayList<>();
      for (String set : entry.sets() == null ? List.<String>of() : entry.sets()) {
        if (!sets.containsKey(set)) {
          problems.add(
              path + ".sets: unknown permission set '" + set + "' (known: " + sets.keySet() + ")");
        } else {
          grants.addAll(sets.get(set));
        }
      }
      grants.addAll(grants(path + ".grants", entry.grants()));
      PolicyGroup existing = groups.get(id);
      if (existing != null) {
        if (entry.name() != null || entry.type() != null || entry.perCounty() != null) {
          problems.add(
              path
                  + ": defined twice (a further file adds grants to a group: sets and grants only)");
        }
        List<Grant> all = new ArrayList<>(existing.grants());
        all.addAll(grants);
        groups.put(
            id, new PolicyGroup(id, existing.name(), existing.type(), existing.perCounty(), all));
        return;
      }
      if (entry.name() == null || entry.name().isBlank()) {
        problems.add(path + ": unknown group (a group is defined with its name)");
        return;
      }
      String type = entry.type() == null ? "WORKFLOW" : entry.type();
      if (!type.equals("WORKFLOW") && !type.equals("SYSTEM")) {
        problems.add(path + ".type: WORKFLOW or SYSTEM, not " + type);
      }
      groups.put(
          id,
          new PolicyGroup(id, entry.name(), type, Boolean.TRUE.equals(entry.perCounty()), grants));
    }

    private List<Grant> grants(String path, Grants grants) {
      List<Grant> result = new ArrayList<>();
      if (grants == null) {
        return result;
      }
      grants.forEach(
          (resourceName, ids) -> {
            List<Resources> resources = resources(path, resourceName);
            if (ids == null || ids.isEmpty()) {
              problems.add(path + "." + resourceName + ": no resource id");
              return;
            }
            ids.forEach(
                (resourceId, permissionNames) -> {
                  String at = path + "." + resourceName + "." + resourceId;
                  if (resourceId == null || resourceId.isBlank()) {
                    problems.add(at + ": empty resource id");
                    return;
                  }
                  if (resources.size() == 1
                      && !resourceId.equals("*")
                      && AuthorizationReconciler.OBJECT_RESOURCES.contains(
                          resources.get(0).resourceType())) {
                    problems.add(
                        at
                            + ": "
                            + resourceName
                            + " is given with the id * only (its ids are objects made at run time"
                            + " — tasks, instances, filters, deployments, batches — whose grants the engine writes)");
                    return;
                  }
                  if (permissionNames == null || permissionNames.isEmpty()) {
                    problems.add(at + ": no permission (leave the resource id out instead)");
                    return;
                  }
                  for (Resources resource : resources) {
                    Set<Permission> permissions = new LinkedHashSet<>();
                    for (String name : permissionNames) {
                      permission(at, resource, name).ifPresent(permissions::add);
                    }
                    if (!permissions.isEmpty()) {
                      result.add(new Grant(resource, resourceId, permissions));
                    }
                  }
                });
          });
      return result;
    }

    private List<Resources> resources(String path, String name) {
      if (EVERY_RESOURCE.equals(name)) {
        return List.of(Resources.values());
      }
      Optional<Resources> resource =
          Arrays.stream(Resources.values())
              .filter(r -> IdentityPolicy.resourceName(r).equals(name))
              .findFirst();
      if (resource.isEmpty()) {
        problems.add(
            path
                + ": unknown resource '"
                + name
                + "' (known: "
                + EVERY_RESOURCE
                + ", "
                + String.join(
                    ", ",
                    Arrays.stream(Resources.values()).map(IdentityPolicy::resourceName).toList())
                + ")");
        return List.of();
      }
      return List.of(resource.get());
    }

    private Optional<Permission> permission(String path, Resources resource, String name) {
      try {
        Permission permission =
            ResourceTypeUtil.getPermissionByNameAndResourceType(name, resource.resourceType());
        if (permission.getValue() == 0) {
          problems.add(path + ": NONE is no permission (leave the resource id out instead)");
          return Optional.empty();
        }
        if (appliesTo(permission, resource)) {
          return Optional.of(permission);
        }
      } catch (BadUserRequestException e) {
        // unknown: named below
      }
      problems.add(
          path
              + ": unknown permission '"
              + name
              + "' for "
              + IdentityPolicy.resourceName(resource)
              + " (known: "
              + String.join(
                  ", ",
                  Arrays.stream(
                          ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType()))
                      .filter(p -> p.getValue() != 0 && appliesTo(p, resource))
                      .map(Permission::getName)
                      .toList())
              + ")");
      return Optional.empty();
    }

    /**
     * The generic permissions (Permissions) name the resources they apply to; ALL applies to all.
     */
    private static boolean appliesTo(Permission permission, Resources resource) {
      return permission.getValue() == Integer.MAX_VALUE
          || permission.getTypes() == null
          || Arrays.stream(permission.getTypes())
              .anyMatch(r -> r.resourceType() == resource.resourceType());
    }

    IdentityPolicy result() {
      if (groups.isEmpty() && problems.isEmpty()) {
        problems.add("no group at all");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "身份与权限策略有误，拒绝启动 / the identity policy is invalid, refusing to start:\n - "
                + String.join("\n - ", problems));
      }
      return new IdentityPolicy(List.copyOf(groups.values()), technicalUser);
    }
  }
}
