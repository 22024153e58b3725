package cn.gov.linfen.fenhe.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cache of verified HTTP Basic credentials ({@link VerifiedCredentials}).
 *
 * @param ttl how long a verified user name and password, with the user's groups, are trusted
 *     without asking the database again; {@code 0s} turns the cache off. On this node a changed
 *     password, user, group or membership, and any wrong password, empties the cache at once; a
 *     change made on another node of a cluster reaches this node after at most this time.
 * @param maxEntries at most this many credentials are kept; beyond, the cache starts afresh
 */
@Validated
@ConfigurationProperties("fenhe.security.credentials-cache")
public record CredentialsCacheProperties(
    @DefaultValue("30s") Duration ttl,
    @DefaultValue("10000") @Min(1) @Max(1000000) int maxEntries) {

  public CredentialsCacheProperties {
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "fenhe.security.credentials-cache.ttl must be between 0s and 5m, not " + ttl);
    }
  }
}
