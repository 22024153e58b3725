package cn.gov.linfen.fenhe.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.identity.IdentityPolicy.Grant;
import cn.gov.linfen.fenhe.identity.IdentityPolicy.Key;
import cn.gov.linfen.fenhe.identity.IdentityPolicy.ManagedGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the database say what the {@link IdentityPolicy} says: creates its groups (name and type
 * corrected), and for each group the policy manages — and the workers' technical user — adds the
 * permissions missing, revokes the permissions the policy does not give and deletes a grant left
 * with none. Every change is logged and written to the audit log. Idempotent: a second run changes
 * nothing. One statement reads the grants of all the groups, one the technical user's.
 *
 * <p>Managed are the GRANT authorizations of the policy's groups (and of the technical user),
 * except the ones the engine writes on single objects — a task offered to a candidate group ({@code
 * task}/{@code historic-task} with the task's id), a process instance, a filter, a deployment or a
 * batch by id (the policy gives those resources with the id {@code *} only). Grants of other users
 * (the applicant's per-case grants of {@link ApplicantAccess}) and of groups not in the policy are
 * never touched. A holder also keeps the engine's own grant on itself: READ on its group, ALL on
 * its user.
 */
public class AuthorizationReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationReconciler.class);

  /** The audit log's actor of the policy's changes. */
  public static final String AUDIT_ACTOR = "identity-policy";

  /**
   * Resources whose ids are objects created at run time: their per-id grants are the engine's (the
   * policy gives them with the id {@code *} only, IdentityPolicyLoader).
   */
  static final List<Integer> OBJECT_RESOURCES =
      List.of(
          Resources.TASK.resourceType(),
          Resources.HISTORIC_TASK.resourceType(),
          Resources.PROCESS_INSTANCE.resourceType(),
          Resources.HISTORIC_PROCESS_INSTANCE.resourceType(),
          Resources.FILTER.resourceType(),
          Resources.DEPLOYMENT.resourceType(),
          Resources.BATCH.resourceType());

  /** One change, e.g. {@code group liquidation-team: process-definition * +READ -DELETE}. */
  public record Change(
      String holder,
      String action,
      String resource,
      String resourceId,
      List<String> added,
      List<String> removed) {

    /** E.g. {@code process-definition * +READ -DELETE}. */
    public String grant() {
      List<String> parts = new ArrayList<>(List.of(resource, resourceId));
      added.forEach(p -> parts.add("+" + p));
      removed.forEach(p -> parts.add("-" + p));
      return String.join(" ", parts);
    }

    @Override
    public String toString() {
      return holder + ": " + action + " " + grant();
    }
  }

  private final ProcessEngineConfiguration engineConfiguration;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final AuditLog audit;

  /**
   * @param audit the audit log, or null where there is none
   */
  public AuthorizationReconciler(ProcessEngine engine, AuditLog audit) {
    this.engineConfiguration = engine.getProcessEngineConfiguration();
    this.identityService = engine.getIdentityService();
    this.authorizationService = engine.getAuthorizationService();
    this.audit = audit;
  }

  /**
   * Applies the policy: its groups and their grants and, when that user exists, the technical
   * user's grants.
   *
   * @param technicalUserId the workers' technical user (null: none)
   * @return the changes made (empty when the database already said what the policy says)
   */
  public List<Change> apply(IdentityPolicy policy, String technicalUserId) {
    List<ManagedGroup> groups = policy.managedGroups();
    ensureGroups(groups);
    List<Change> changes = new ArrayList<>();
    Map<String, List<Stored>> groupGrants =
        storedGrants("GROUP_ID_", groups.stream().map(ManagedGroup::id).toList());
    for (ManagedGroup group : groups) {
      changes.addAll(
          reconcile(
              Holder.group(group.id()),
              group.grants(),
              groupGrants.getOrDefault(group.id(), List.of())));
    }
    if (technicalUserId != null
        && !technicalUserId.isBlank()
        && identityService.createUserQuery().userId(technicalUserId).count() > 0) {
      changes.addAll(
          reconcile(
              Holder.user(technicalUserId),
              policy.technicalUserGrants(),
              storedGrants("USER_ID_", List.of(technicalUserId))
                  .getOrDefault(technicalUserId, List.of())));
    }
    LOG.info("Identity policy applied: {} groups, {} change(s)", groups.size(), changes.size());
    return changes;
  }

  private void ensureGroups(List<ManagedGroup> groups) {
    Map<String, Group> existing =
        identityService
            .createGroupQuery()
            .groupIdIn(groups.stream().map(ManagedGroup::id).toArray(String[]::new))
            .list()
            .stream()
            .collect(Collectors.toMap(Group::getId, Function.identity()));
    for (ManagedGroup wanted : groups) {
      Group group = existing.get(wanted.id());
      if (group == null) {
        group = identityService.newGroup(wanted.id());
        LOG.info("Identity policy: group {} ({}) created", wanted.id(), wanted.name());
      } else if (wanted.name().equals(group.getName()) && wanted.type().equals(group.getType())) {
        continue;
      }
      group.setName(wanted.name());
      group.setType(wanted.type());
      identityService.saveGroup(group);
    }
  }

  /** Whose authorizations: a group or a user. */
  private record Holder(String kind, String id) {
    static Holder group(String id) {
      return new Holder("group", id);
    }

    static Holder user(String id) {
      return new Holder("user", id);
    }

    boolean isGroup() {
      return kind.equals("group");
    }

    /** The engine's own grant of a new group (members read it) or user (ALL on himself). */
    Grant own() {
      return isGroup()
          ? Grant.of(Resources.GROUP, id, Permissions.READ)
          : Grant.of(Resources.USER, id, Permissions.ALL);
    }

    @Override
    public String toString() {
      return kind + " " + id;
    }
  }

  /**
   * A GRANT authorization as stored, read without the engine's entity (thousands per group are
   * per-task grants).
   */
  private record Stored(String id, String holderId, Key key, int permissions) {}

  /**
   * The managed GRANT authorizations of these holders (column GROUP_ID_ or USER_ID_), by holder, in
   * one statement: the engine's API cannot leave out the per-object grants (one per task a group
   * was ever offered, until history clean-up), and reading them all would make every start slower.
   */
  private Map<String, List<Stored>> storedGrants(String holderColumn, List<String> holderIds) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engineConfiguration;
    String prefix =
        configuration.getDatabaseTablePrefix() == null
            ? ""
            : configuration.getDatabaseTablePrefix();
    List<Object> parameters = new ArrayList<>(holderIds);
    parameters.add(Authorization.ANY);
    parameters.addAll(OBJECT_RESOURCES);
    String sql =
        "SELECT ID_, "
            + holderColumn
            + " AS HOLDER_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM "
            + prefix
            + "ACT_RU_AUTHORIZATION WHERE TYPE_ = "
            + AUTH_TYPE_GRANT
            + " AND "
            + holderColumn
            + " IN ("
            + String.join(", ", Collections.nCopies(holderIds.size(), "?"))
            + ")"
            + " AND (RESOURCE_ID_ = ? OR RESOURCE_TYPE_ NOT IN ("
            + String.join(", ", Collections.nCopies(OBJECT_RESOURCES.size(), "?"))
            + "))"
            + " ORDER BY RESOURCE_TYPE_, RESOURCE_ID_, ID_";
    return new JdbcTemplate(configuration.getDataSource())
            .query(
                sql,
                (rs, row) ->
                    new Stored(
                        rs.getString("ID_"),
                        rs.getString("HOLDER_"),
                        new Key(rs.getInt("RESOURCE_TYPE_"), rs.getString("RESOURCE_ID_")),
                        rs.getInt("PERMS_")),
                parameters.toArray())
            .stream()
            .collect(Collectors.groupingBy(Stored::holderId));
  }

  private List<Change> reconcile(Holder holder, List<Grant> grants, List<Stored> stored) {
    List<Grant> all = new ArrayList<>(grants);
    all.add(holder.own());
    Map<Key, Grant> wanted = new LinkedHashMap<>();
    for (Grant grant : Grant.merged(all)) {
      wanted.put(grant.key(), grant);
    }

    List<Change> changes = new ArrayList<>();
    Set<Key> seen = new HashSet<>();
    for (Stored authorization : stored) {
      Key key = authorization.key();
      Grant grant = wanted.get(key);
      if (grant == null || !seen.add(key)) {
        changes.add(change(holder, "revoked", key, 0, authorization.permissions()));
        authorizationService.deleteAuthorization(authorization.id());
        continue;
      }
      int has = authorization.permissions();
      if (has != grant.mask()) {
        changes.add(change(holder, "changed", key, grant.mask(), has));
        Authorization entity =
            authorizationService
                .createAuthorizationQuery()
                .authorizationId(authorization.id())
                .singleResult();
        setPermissions(entity, grant.mask());
        authorizationService.saveAuthorization(entity);
      }
    }
    for (Grant grant : wanted.values()) {
      if (!seen.contains(grant.key())) {
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        if (holder.isGroup()) {
          authorization.setGroupId(holder.id());
        } else {
          authorization.setUserId(holder.id());
        }
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        setPermissions(authorization, grant.mask());
        authorizationService.saveAuthorization(authorization);
        changes.add(change(holder, "granted", grant.key(), grant.mask(), 0));
      }
    }
    return changes;
  }

  private static void setPermissions(Authorization authorization, int mask) {
    ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) authorization)
        .setPermissions(mask);
  }

  private Change change(Holder holder, String action, Key key, int wanted, int has) {
    Change change =
        new Change(
            holder.toString(),
            action,
            IdentityPolicy.resourceName(ResourceTypeUtil.getResourceByType(key.resourceType())),
            key.resourceId(),
            names(key.resourceType(), wanted & ~has),
            names(key.resourceType(), has & ~wanted));
    if (change.removed().isEmpty()) {
      LOG.info("Identity policy: {}", change);
    } else {
      LOG.warn("Identity policy: {}", change);
    }
    if (audit != null) {
      audit.record(
          AUDIT_ACTOR,
          "authorization-" + action,
          holder.kind() + ":" + holder.id(),
          change.grant());
    }
    return change;
  }

  /** The names of the permission bits, e.g. [READ, DELETE]; ALL when every bit is set. */
  private static List<String> names(int resourceType, int mask) {
    if (mask == 0) {
      return List.of();
    }
    if (mask == Permissions.ALL.getValue()) {
      return List.of("ALL");
    }
    Map<Integer, String> byBit = new HashMap<>();
    for (Permission permission : ResourceTypeUtil.getPermissionsByResourceType(resourceType)) {
      int value = permission.getValue();
      if (value != 0 && value != Permissions.ALL.getValue() && Integer.bitCount(value) == 1) {
        byBit.putIfAbsent(value, permission.getName());
      }
    }
    List<String> names = new ArrayList<>();
    for (int bit = 1; bit != 0 && bit <= mask && bit > 0; bit <<= 1) {
      if ((mask & bit) != 0) {
        names.add(byBit.getOrDefault(bit, "bit " + Integer.numberOfTrailingZeros(bit)));
      }
    }
    return List.copyOf(names);
  }
}
