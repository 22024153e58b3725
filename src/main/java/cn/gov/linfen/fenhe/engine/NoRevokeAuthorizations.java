package cn.gov.linfen.fenhe.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Fenhe's engine checks no REVOKE authorization ({@code authorization-check-revokes: never},
 * docs/benchmarks.md, issue 20): the engine's queries then skip asking, on every command, whether
 * any revoke exists. That is only the same security model if there is none: the engine guard
 * refuses to write one (engine.guard.EngineGuardInterceptor) and this plugin refuses to start on a
 * database holding one (e.g. created in Admin before the setting), which would otherwise be
 * silently ignored. Fenhe itself writes grants only (identity.AuthorizationReconciler,
 * identity.ApplicantAccess, the engine's own default grants).
 */
public class NoRevokeAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER.equalsIgnoreCase(
        configuration.getAuthorizationCheckRevokes())) {
      return;
    }
    List<String> revokes = revokes(configuration);
    if (!revokes.isEmpty()) {
      throw new IllegalStateException(
          "数据库中有 "
              + revokes.size()
              + " 条“拒绝”（REVOKE）授权，而引擎不检查拒绝授权（authorization-check-revokes: never）："
              + "请在 Admin 中删除它们并收窄相应的“授予”授权后再启动 / the database holds REVOKE"
              + " authorizations the engine would ignore (authorization-check-revokes: never);"
              + " delete them (narrow the grants instead) before starting: "
              + revokes);
    }
  }

  /** The ids of the REVOKE authorizations (at most 20). */
  static List<String> revokes(ProcessEngineConfigurationImpl configuration) {
    List<String> ids = new ArrayList<>();
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT ID_ FROM "
                    + prefix(configuration)
                    + "ACT_RU_AUTHORIZATION WHERE TYPE_ = ?")) {
      statement.setInt(1, Authorization.AUTH_TYPE_REVOKE);
      statement.setMaxRows(20);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not look for REVOKE authorizations", e);
    }
    return ids;
  }

  private static String prefix(ProcessEngineConfigurationImpl configuration) {
    String prefix = configuration.getDatabaseTablePrefix();
    return prefix == null ? "" : prefix;
  }
}
