package cn.gov.linfen.fenhe.identity;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers' technical user ({@code fenhe.identity.worker-user}): created when a password is
 * configured. Its grants (fetch and complete external tasks, nothing else) are the policy's {@code
 * technical-user} block, applied by {@link AuthorizationReconciler}.
 */
final class TechnicalUser {

  private static final Logger LOG = LoggerFactory.getLogger(TechnicalUser.class);

  private TechnicalUser() {}

  static void ensure(IdentityService identityService, IdentityProperties properties) {
    String userId = properties.workerUser();
    if (properties.workerPassword() == null || properties.workerPassword().isBlank()) {
      LOG.info(
          "No worker password configured (FENHE_WORKER_PASSWORD): technical user {} not created",
          userId);
      return;
    }
    Users.createIfMissing(identityService, userId, "外部任务执行器", "技术用户", properties.workerPassword());
  }
}
