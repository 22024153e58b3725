package cn.gov.linfen.fenhe.identity;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.engine.StartupLock;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.InitializingBean;

/**
 * The identities at every start of an engine node, in this order: the policy's groups and grants
 * ({@code identity/policy.yaml}, {@link AuthorizationReconciler}: adds what is missing, revokes
 * what the policy no longer grants), the workers' technical user ({@link TechnicalUser}), in the
 * demo profile the demo users ({@link DemoUsers}), the first administrator and the administrators'
 * membership of the webapps' admin group ({@link Administrators}). A user that exists is never
 * changed (a changed password is never reset). Under the {@link StartupLock}: engine nodes starting
 * together on one database set the identities up one after the other, the second finding what the
 * first created.
 */
public class IdentitySetup implements InitializingBean {

  public static final String ADMIN_USER = "admin";
  public static final String DEMO_USER_PREFIX = "demo-";
  public static final String ANY = Authorization.ANY;
  public static final String CAMUNDA_ADMIN = Administrators.CAMUNDA_ADMIN;

  private final IdentityService identityService;
  private final IdentityProperties properties;
  private final IdentityPolicy policy;
  private final AuthorizationReconciler reconciler;
  private final DemoUsers demoUsers;
  private final DataSource dataSource;

  /**
   * @param demoUsers the demo users (demo profile), or null
   * @param audit the audit log the policy's changes are written to, or null
   */
  public IdentitySetup(
      ProcessEngine engine,
      IdentityProperties properties,
      IdentityPolicy policy,
      DemoUsers demoUsers,
      AuditLog audit) {
    this.identityService = engine.getIdentityService();
    this.properties = properties;
    this.policy = policy;
    this.reconciler = new AuthorizationReconciler(engine, audit);
    this.demoUsers = demoUsers;
    this.dataSource =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
  }

  public static String demoUserId(FenheGroup group) {
    return DEMO_USER_PREFIX + group.id();
  }

  @Override
  public void afterPropertiesSet() {
    StartupLock.around(dataSource, this::setUp);
  }

  private void setUp() {
    // the technical user first, so that the reconciler sets its grants in the same run
    TechnicalUser.ensure(identityService, properties);
    reconciler.apply(policy, properties.workerUser());
    if (demoUsers != null) {
      demoUsers.create();
    }
    Administrators.ensureInitialAdmin(identityService, properties);
    Administrators.mirrorIntoCamundaAdmin(identityService);
  }

  /** The policy applied at start-up. */
  public IdentityPolicy policy() {
    return policy;
  }

  /** Applies a policy now (tests): the changes made. */
  public List<AuthorizationReconciler.Change> apply(IdentityPolicy policy) {
    return reconciler.apply(policy, properties.workerUser());
  }

  /** Whether any administrator exists (the production check needs one). */
  public static boolean hasAdministrator(IdentityService identityService) {
    return identityService.createUserQuery().memberOfGroup(FenheGroup.ADMINS.id()).count() > 0;
  }

  /** For tests and the production check: the ids of users that look like demo users. */
  public static boolean isDemoUserId(String userId) {
    return userId.startsWith(DEMO_USER_PREFIX) || ADMIN_USER.equals(userId);
  }
}
