package cn.gov.linfen.fenhe.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Empties the {@link VerifiedCredentials} when an engine command changes who a user is or what he
 * belongs to (users, passwords, groups, memberships, tenants, an unlock) and when a password check
 * fails — before the command (so nothing verified meanwhile is kept) and again after it.
 */
final class IdentityChangeInterceptor extends CommandInterceptor {

  /** The engine's identity-changing commands (org.camunda.bpm.engine.impl.cmd, 7.24). */
  static final Set<String> IDENTITY_CHANGES =
      Set.of(
          "SaveUserCmd",
          "DeleteUserCmd",
          "UnlockUserCmd",
          "SaveGroupCmd",
          "DeleteGroupCmd",
          "CreateMembershipCmd",
          "DeleteMembershipCmd",
          "SaveTenantCmd",
          "DeleteTenantCmd",
          "CreateTenantUserMembershipCmd",
          "CreateTenantGroupMembershipCmd",
          "DeleteTenantUserMembershipCmd",
          "DeleteTenantGroupMembershipCmd");

  private final VerifiedCredentials credentials;

  IdentityChangeInterceptor(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CheckPassword) {
      T result = next.execute(command);
      if (!Boolean.TRUE.equals(result)) {
        credentials.invalidateAll();
      }
      return result;
    }
    if (!isIdentityChange(command)) {
      return next.execute(command);
    }
    credentials.invalidateAll();
    try {
      return next.execute(command);
    } finally {
      credentials.invalidateAll();
    }
  }

  static boolean isIdentityChange(Command<?> command) {
    Class<?> type = command.getClass();
    return type.getName().startsWith("org.camunda.bpm.engine.impl.cmd.")
        && IDENTITY_CHANGES.contains(type.getSimpleName());
  }
}
