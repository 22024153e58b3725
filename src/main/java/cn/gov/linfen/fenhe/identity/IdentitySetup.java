package cn.gov.linfen.fenhe.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the groups of PROCEDURES.md, their authorizations, the workers' technical user and, in
 * the demo profile, one demo user per group. Idempotent: runs at every start-up and only adds what
 * is missing (a changed password is never reset).
 */
public class IdentitySetup implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  public static final String ADMIN_USER = "admin";
  public static final String DEMO_USER_PREFIX = "demo-";
  public static final String ANY = Authorization.ANY;
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  private final ProcessEngine engine;
  private final IdentityProperties properties;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public IdentitySetup(ProcessEngine engine, IdentityProperties properties) {
    this.engine = engine;
    this.properties = properties;
    this.identityService = engine.getIdentityService();
    this.authorizationService = engine.getAuthorizationService();
  }

  public static String demoUserId(FenheGroup group) {
    return DEMO_USER_PREFIX + group.id();
  }

  @Override
  public void afterPropertiesSet() {
    for (FenheGroup group : FenheGroup.values()) {
      ensureGroup(group);
      if (group.isCountyScoped()) {
        for (County county : County.values()) {
          ensureGroup(county.groupOf(group), county.groupName(group));
        }
      }
    }
    grantGroupAuthorizations();
    ensureWorkerUser();
    if (properties.createDemoUsers()) {
      createDemoUsers();
    }
    ensureInitialAdmin();
    mirrorAdminsIntoCamundaAdmin();
  }

  private void ensureGroup(FenheGroup fenheGroup) {
    ensureGroup(fenheGroup.id(), fenheGroup.chineseName());
  }

  private void ensureGroup(String id, String name) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
      group.setType("WORKFLOW");
    }
    if (!name.equals(group.getName())) {
      group.setName(name);
      identityService.saveGroup(group);
    }
  }

  private void grantGroupAuthorizations() {
    for (FenheGroup group : FenheGroup.values()) {
      if (group == FenheGroup.ADMINS) {
        // an admin group of the engine (admin-only operations); queries still need grants
        for (Resources resource : Resources.values()) {
          grant(group.id(), resource, ANY, Permissions.ALL);
        }
        continue;
      }
      grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group.id(), Resources.FILTER, ANY, Permissions.READ);
      if (group.isCaseOfficerGroup()) {
        // to render a task's process name, diagram and deployed form
        grant(group.id(), Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
      }
    }
    properties.starters().forEach(this::grantStart);

    String supervisors = FenheGroup.SUPERVISORS.id();
    grant(supervisors, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(
        supervisors,
        Resources.PROCESS_DEFINITION,
        ANY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(supervisors, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(supervisors, Resources.TASK, ANY, TaskPermissions.READ);
    grant(supervisors, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(
        supervisors,
        Resources.HISTORIC_PROCESS_INSTANCE,
        ANY,
        HistoricProcessInstancePermissions.READ);
    grant(supervisors, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(
        supervisors,
        Resources.DECISION_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_HISTORY);
    grant(supervisors, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

    String modellers = FenheGroup.MODELLERS.id();
    grant(modellers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(
        modellers,
        Resources.DEPLOYMENT,
        ANY,
        Permissions.CREATE,
        Permissions.READ,
        Permissions.DELETE);
    grant(
        modellers,
        Resources.PROCESS_DEFINITION,
        ANY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.UPDATE);
    grant(modellers, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(modellers, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  private void grantStart(String processKey, List<String> groupIds) {
    for (String groupId : groupIds) {
      if (FenheGroup.byId(groupId).isEmpty()) {
        throw new IllegalStateException(
            "fenhe.identity.starters." + processKey + " names unknown group " + groupId);
      }
      grant(
          groupId,
          Resources.PROCESS_DEFINITION,
          processKey,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(groupId, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    }
  }

  /** The workers' technical user: fetches and completes external tasks, nothing else. */
  private void ensureWorkerUser() {
    String userId = properties.workerUser();
    if (properties.workerPassword() == null || properties.workerPassword().isBlank()) {
      LOG.info(
          "No worker password configured (FENHE_WORKER_PASSWORD): technical user {} not created",
          userId);
      return;
    }
    createUserIfMissing(userId, "外部任务执行器", "技术用户", properties.workerPassword());
    grantUser(
        userId,
        Resources.PROCESS_DEFINITION,
        ANY,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
  }

  /**
   * Production: the first administrator comes from configuration (FENHE_ADMIN_USER /
   * FENHE_ADMIN_PASSWORD).
   */
  private void ensureInitialAdmin() {
    String userId = properties.initialAdminUser();
    if (userId == null
        || userId.isBlank()
        || properties.initialAdminPassword() == null
        || properties.initialAdminPassword().isBlank()) {
      return;
    }
    if (createUserIfMissing(userId, "系统", "管理员", properties.initialAdminPassword())) {
      identityService.createMembership(userId, FenheGroup.ADMINS.id());
      LOG.info("Initial administrator {} created", userId);
    }
  }

  /**
   * The Camunda webapps treat the engine as "not set up" — and open their unauthenticated
   * first-admin page — while no user is in the group {@value #CAMUNDA_ADMIN}. Every member of
   * {@code admins} is therefore also made a member of it (the setup API is blocked as well).
   */
  private void mirrorAdminsIntoCamundaAdmin() {
    if (identityService.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
      Group group = identityService.newGroup(CAMUNDA_ADMIN);
      group.setName("系统管理员(Camunda 内置)");
      group.setType("SYSTEM");
      identityService.saveGroup(group);
    }
    for (Resources resource : Resources.values()) {
      grant(CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    for (User admin :
        identityService.createUserQuery().memberOfGroup(FenheGroup.ADMINS.id()).listPage(0, 1000)) {
      if (identityService
              .createUserQuery()
              .userId(admin.getId())
              .memberOfGroup(CAMUNDA_ADMIN)
              .count()
          == 0) {
        identityService.createMembership(admin.getId(), CAMUNDA_ADMIN);
      }
    }
  }

  /** Whether any administrator exists (the production check needs one). */
  public static boolean hasAdministrator(IdentityService identityService) {
    return identityService.createUserQuery().memberOfGroup(FenheGroup.ADMINS.id()).count() > 0;
  }

  private void createDemoUsers() {
    String password = properties.demoPassword();
    List<String> lines = new ArrayList<>();
    if (createUserIfMissing(ADMIN_USER, "系统", "管理员", password)) {
      identityService.createMembership(ADMIN_USER, FenheGroup.ADMINS.id());
    }
    lines.add(String.format("  %-34s %s", ADMIN_USER, FenheGroup.ADMINS.chineseName()));
    for (FenheGroup group : FenheGroup.values()) {
      if (group == FenheGroup.ADMINS) {
        continue;
      }
      String userId = demoUserId(group);
      if (!group.isCountyScoped()) {
        if (createUserIfMissing(userId, group.chineseName(), "演示", password)) {
          identityService.createMembership(userId, group.id());
        }
        lines.add(String.format("  %-34s %s", userId, group.chineseName()));
        continue;
      }
      // county-level roles: the demo officer works in 尧都区, a colleague in 侯马市 (X-R03)
      for (County county : List.of(County.YAODU, County.HOUMA)) {
        String countyUser = county == County.YAODU ? userId : userId + "-" + county.code();
        if (createUserIfMissing(countyUser, county.groupName(group), "演示", password)) {
          identityService.createMembership(countyUser, group.id());
          identityService.createMembership(countyUser, county.groupOf(group));
        }
        lines.add(String.format("  %-34s %s", countyUser, county.groupName(group)));
      }
    }
    LOG.warn(
        """

        ================================================================================
         汾河 Fenhe 演示账号 / demo identities (demo profile only — never in production)
         密码 / password for all of them: {}
        {}
        ================================================================================""",
        password,
        String.join("\n", lines));
  }

  private boolean createUserIfMissing(
      String userId, String firstName, String lastName, String password) {
    if (identityService.createUserQuery().userId(userId).count() > 0) {
      return false;
    }
    User user = identityService.newUser(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(userId + "@fenhe.linfen.gov.cn");
    user.setPassword(password);
    identityService.saveUser(user);
    return true;
  }

  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    grantTo(
        authorizationService.createAuthorizationQuery().groupIdIn(groupId),
        a -> a.setGroupId(groupId),
        resource,
        resourceId,
        permissions);
  }

  private void grantUser(
      String userId, Resource resource, String resourceId, Permission... permissions) {
    grantTo(
        authorizationService.createAuthorizationQuery().userIdIn(userId),
        a -> a.setUserId(userId),
        resource,
        resourceId,
        permissions);
  }

  /** Adds the permissions to the grant of the holder on the resource, creating it if missing. */
  private void grantTo(
      AuthorizationQuery holderQuery,
      Consumer<Authorization> holder,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization authorization =
        holderQuery
            .resourceType(resource)
            .resourceId(resourceId)
            .authorizationType(AUTH_TYPE_GRANT)
            .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      holder.accept(authorization);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    save(authorization, permissions);
  }

  private void save(Authorization authorization, Permission... permissions) {
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  /** For tests and the production check: the ids of users that look like demo users. */
  public static boolean isDemoUserId(String userId) {
    return userId.startsWith(DEMO_USER_PREFIX) || ADMIN_USER.equals(userId);
  }
}
