package cn.gov.linfen.fenhe.identity;

import cn.gov.linfen.fenhe.common.County;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The identity policy of {@code identity/policy.yaml} (read by {@link IdentityPolicyLoader}): the
 * groups and, per group, the permissions per resource; and the grants of the workers' technical
 * user. Applied to the database by {@link AuthorizationReconciler}.
 *
 * @param groups the groups, in the file's order
 * @param technicalUserGrants the grants of the workers' technical user
 */
public record IdentityPolicy(List<PolicyGroup> groups, List<Grant> technicalUserGrants) {

  public IdentityPolicy {
    groups = List.copyOf(groups);
    technicalUserGrants = Grant.merged(technicalUserGrants);
  }

  /** The permissions of one holder on one resource id (one GRANT authorization). */
  public record Grant(Resources resource, String resourceId, Set<Permission> permissions) {

    public Grant {
      permissions = Set.copyOf(permissions);
    }

    public static Grant of(Resources resource, String resourceId, Permission... permissions) {
      return new Grant(resource, resourceId, Set.of(permissions));
    }

    /** The permission bits, as the engine stores them. */
    public int mask() {
      int mask = 0;
      for (Permission permission : permissions) {
        mask |= permission.getValue();
      }
      return mask;
    }

    public Key key() {
      return new Key(resource.resourceType(), resourceId);
    }

    /**
     * One grant per resource and id: permissions given twice (a set and the group's own) are
     * joined.
     */
    static List<Grant> merged(List<Grant> grants) {
      Map<Key, Grant> byKey = new LinkedHashMap<>();
      for (Grant grant : grants) {
        byKey.merge(
            grant.key(),
            grant,
            (a, b) -> {
              Set<Permission> both = new LinkedHashSet<>(a.permissions);
              both.addAll(b.permissions);
              return new Grant(a.resource, a.resourceId, both);
            });
      }
      return List.copyOf(byKey.values());
    }

    /** E.g. {@code process-definition soe-reform-fund [CREATE_INSTANCE, READ]}. */
    @Override
    public String toString() {
      return resourceName(resource)
          + " "
          + resourceId
          + " "
          + permissions.stream().map(Permission::getName).sorted().toList();
    }
  }

  /** A resource type and id: what one authorization of a holder is about. */
  public record Key(int resourceType, String resourceId) {}

  /**
   * One group of the policy.
   *
   * @param perCounty whether each county has a group of this role too ({@code <id>-<county code>});
   *     they get no grant of their own
   */
  public record PolicyGroup(
      String id, String name, String type, boolean perCounty, List<Grant> grants) {

    public PolicyGroup {
      grants = Grant.merged(grants);
    }

    /** This group and, for a county-level role, its 17 county groups, each with its grants. */
    public List<ManagedGroup> expanded() {
      List<ManagedGroup> result = new ArrayList<>();
      result.add(new ManagedGroup(id, name, type, grants));
      if (perCounty) {
        for (County county : County.values()) {
          result.add(new ManagedGroup(county.groupOf(id), county.groupName(name), type, List.of()));
        }
      }
      return result;
    }
  }

  /** A group in the database the policy manages: its name, type and exactly these grants. */
  public record ManagedGroup(String id, String name, String type, List<Grant> grants) {}

  public Optional<PolicyGroup> group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /** Every group the policy manages, county groups included. */
  public List<ManagedGroup> managedGroups() {
    return groups.stream().flatMap(g -> g.expanded().stream()).toList();
  }

  /** The same policy with the grants of one group replaced (for an overlay file and tests). */
  public IdentityPolicy withGrants(String groupId, List<Grant> grants) {
    if (group(groupId).isEmpty()) {
      throw new IllegalArgumentException("no group " + groupId + " in the policy");
    }
    return new IdentityPolicy(
        groups.stream()
            .map(
                g ->
                    g.id().equals(groupId)
                        ? new PolicyGroup(g.id(), g.name(), g.type(), g.perCounty(), grants)
                        : g)
            .toList(),
        technicalUserGrants);
  }

  /** The same policy without one permission of one group on one resource id. */
  public IdentityPolicy without(
      String groupId, Resources resource, String resourceId, Permission permission) {
    List<Grant> grants = new ArrayList<>();
    for (Grant grant : group(groupId).orElseThrow().grants()) {
      if (grant.resource() == resource && grant.resourceId().equals(resourceId)) {
        Set<Permission> rest =
            grant.permissions().stream()
                .filter(p -> !p.getName().equals(permission.getName()))
                .collect(Collectors.toSet());
        if (!rest.isEmpty()) {
          grants.add(new Grant(resource, resourceId, rest));
        }
      } else {
        grants.add(grant);
      }
    }
    return withGrants(groupId, grants);
  }

  /**
   * The policy's name of a resource: the engine's enum name in kebab case (PROCESS_DEFINITION →
   * process-definition).
   */
  public static String resourceName(Resource resource) {
    return Arrays.stream(Resources.values())
        .filter(r -> r.resourceType() == resource.resourceType())
        .findFirst()
        .map(r -> r.name().toLowerCase().replace('_', '-'))
        .orElse(resource.resourceName());
  }
}
