package bench.baseline;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.yaml.snakeyaml.Yaml;

/**
 * The "secured" baseline (Spring profile {@code secured}, issue 20): stock Camunda 7.24 secured the
 * way Camunda's documentation says, with nothing of Fenhe's code:
 *
 * <ul>
 *   <li>HTTP Basic on {@code /engine-rest/*} with the engine's own {@link
 *       ProcessEngineAuthenticationFilter} and {@link HttpBasicAuthenticationProvider} (registered
 *       as Camunda Run registers it); every request checks the password and reads the user's groups
 *       and tenants;
 *   <li>authorization checks on, a query maximum results limit, the engine's per-task grant for a
 *       candidate group being {@code TASK_WORK} and historic instance permissions on
 *       ({@code application-secured.yaml}) — the engine settings Fenhe uses;
 *   <li>the same groups and grants as Fenhe: Fenhe's identity policy ({@code
 *       src/main/resources/identity/policy.yaml}, copied into this jar at build time) applied once at
 *       start with the engine's {@link AuthorizationService}; the same users ({@code admin} in the
 *       administrators' groups, {@code demo-<group>} for every group, the workers' technical user
 *       {@code fenhe-worker} with the policy's {@code technical-user} grants), all with the demo
 *       password;
 *   <li>the applicant's read grants on his own case (running and historic), written at the start as
 *       Fenhe's start listener does.
 * </ul>
 *
 * <p>Not applied: the per-county groups (they carry no grants and no P1 task goes to them).
 */
@Configuration(proxyBeanMethods = false)
@Profile("secured")
public class SecuredConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SecuredConfiguration.class);
  static final String PASSWORD = System.getenv().getOrDefault("FENHE_DEMO_PASSWORD", "Demo!2026fenhe");
  static final String WORKER = "fenhe-worker";
  static final List<String> ADMIN_GROUPS = List.of("admins", "camunda-admin");

  /** The engine's REST authentication filter, as Camunda Run registers it. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> processEngineAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-auth");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** The applicant reads his own case, running and ended (Fenhe: identity.ApplicantAccess). */
  @Bean
  ExecutionListener soeReformFundApplicantAccess() {
    return (DelegateExecution execution) -> {
      if (execution.getParentId() != null || !(execution.getVariable("applicant") instanceof String userId)) {
        return;
      }
      AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
      Context.getCommandContext().runWithoutAuthorization(() -> {
        String instance = execution.getProcessInstanceId();
        grant(authorizations, userId, Resources.PROCESS_INSTANCE, instance, ProcessInstancePermissions.READ);
        grant(authorizations, userId, Resources.HISTORIC_PROCESS_INSTANCE, instance,
            HistoricProcessInstancePermissions.READ);
        return null;
      });
    };
  }

  private static void grant(AuthorizationService authorizations, String userId, Resources resource, String resourceId,
      Permission permission) {
    Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
  }

  /** Groups, users and grants, once the engine is built (before the web server answers). */
  @Bean
  AbstractProcessEnginePlugin securedIdentities() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        applyPolicy(engine);
      }
    };
  }

  record Grant(Resources resource, String resourceId, Set<Permission> permissions) {}

  @SuppressWarnings("unchecked")
  static void applyPolicy(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    if (identity.createUserQuery().userId("admin").count() > 0) {
      return; // applied before (same database)
    }
    Map<String, Object> policy;
    try (InputStream in = SecuredConfiguration.class.getResourceAsStream("/identity/policy.yaml")) {
      policy = new Yaml().load(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Map<String, Object>> sets = (Map<String, Map<String, Object>>) policy.get("permission-sets");
    Map<String, Map<String, Object>> groups = (Map<String, Map<String, Object>>) policy.get("groups");
    int grants = 0;
    for (Map.Entry<String, Map<String, Object>> entry : groups.entrySet()) {
      String groupId = entry.getKey();
      Map<String, Object> spec = entry.getValue();
      Group group = identity.newGroup(groupId);
      group.setName((String) spec.get("name"));
      group.setType((String) spec.getOrDefault("type", "WORKFLOW"));
      identity.saveGroup(group);
      List<Grant> all = new ArrayList<>();
      for (String set : (List<String>) spec.getOrDefault("sets", List.of())) {
        all.addAll(grants(sets.get(set)));
      }
      all.addAll(grants((Map<String, Object>) spec.get("grants")));
      for (Grant g : merged(all)) {
        save(authorizations, groupId, null, g);
        grants++;
      }
      if (!ADMIN_GROUPS.contains(groupId)) {
        createUser(identity, "demo-" + groupId, groupId);
      }
    }
    createUser(identity, "admin", ADMIN_GROUPS.toArray(String[]::new));
    createUser(identity, WORKER);
    Map<String, Object> technical = (Map<String, Object>) policy.get("technical-user");
    for (Grant g : grants((Map<String, Object>) technical.get("grants"))) {
      save(authorizations, null, WORKER, g);
      grants++;
    }
    LOG.info("secured baseline: {} groups, {} grants of the identity policy applied", groups.size(), grants);
  }

  static void createUser(IdentityService identity, String userId, String... groups) {
    User user = identity.newUser(userId);
    user.setFirstName(userId);
    user.setLastName("bench");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(userId, group);
    }
  }

  static void save(AuthorizationService authorizations, String groupId, String userId, Grant g) {
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    a.setUserId(userId);
    a.setResource(g.resource());
    a.setResourceId(g.resourceId());
    g.permissions().forEach(a::addPermission);
    authorizations.saveAuthorization(a);
  }

  /** {resource: {id: [PERMISSION…]}} as Fenhe's policy loader reads it. */
  @SuppressWarnings("unchecked")
  static List<Grant> grants(Map<String, Object> spec) {
    List<Grant> result = new ArrayList<>();
    if (spec == null) {
      return result;
    }
    spec.forEach((resourceName, ids) -> ((Map<String, List<String>>) ids).forEach((id, names) -> {
      List<Resources> resources = resourceName.equals("every-resource")
          ? List.of(Resources.values())
          : Arrays.stream(Resources.values())
              .filter(r -> r.name().toLowerCase().replace('_', '-').equals(resourceName)).toList();
      if (resources.isEmpty()) {
        throw new IllegalStateException("unknown resource " + resourceName);
      }
      for (Resources resource : resources) {
        Set<Permission> permissions = new LinkedHashSet<>();
        for (String name : names) {
          Permission p = ResourceTypeUtil.getPermissionByNameAndResourceType(name, resource.resourceType());
          if (p.getValue() == Integer.MAX_VALUE || p.getTypes() == null
              || Arrays.stream(p.getTypes()).anyMatch(t -> t.resourceType() == resource.resourceType())) {
            permissions.add(p);
          }
        }
        if (!permissions.isEmpty()) {
          result.add(new Grant(resource, id, permissions));
        }
      }
    }));
    return result;
  }

  /** One grant per resource and id (the engine keeps one authorization per group, resource and id). */
  static List<Grant> merged(List<Grant> grants) {
    Map<String, Grant> byKey = new LinkedHashMap<>();
    for (Grant g : grants) {
      byKey.merge(g.resource().name() + "/" + g.resourceId(), g, (a, b) -> {
        Set<Permission> both = new LinkedHashSet<>(a.permissions());
        both.addAll(b.permissions());
        return new Grant(a.resource(), a.resourceId(), both);
      });
    }
    return List.copyOf(byKey.values());
  }
}
