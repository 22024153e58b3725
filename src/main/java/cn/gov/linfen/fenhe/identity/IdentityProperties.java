package cn.gov.linfen.fenhe.identity;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity settings.
 *
 * @param createDemoUsers create {@code demo-<group-id>} users and {@code admin} (demo profile only)
 * @param demoPassword the demo users' password
 * @param workerUser the workers' technical user
 * @param workerPassword its password; the technical user is created only when one is given
 * @param initialAdminUser the first administrator, created when no such user exists (production)
 * @param initialAdminPassword its password
 * @param starters which groups may start which process (process key → group ids)
 */
@Validated
@ConfigurationProperties("fenhe.identity")
public record IdentityProperties(
    @DefaultValue("false") boolean createDemoUsers,
    @DefaultValue("") String demoPassword,
    @DefaultValue("fenhe-worker") String workerUser,
    @DefaultValue("") String workerPassword,
    @DefaultValue("") String initialAdminUser,
    @DefaultValue("") String initialAdminPassword,
    Map<String, List<String>> starters) {

  public IdentityProperties {
    starters = starters == null ? Map.of() : Map.copyOf(starters);
  }
}
