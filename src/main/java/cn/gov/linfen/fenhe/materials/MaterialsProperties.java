package cn.gov.linfen.fenhe.materials;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Materials handed in to cases ({@code fenhe.materials.*}, docs/materials.md).
 *
 * @param maxSize the largest file accepted (also the servlet's multipart limit for a file; a
 *     request may be 1 MB larger for the form's other parts)
 * @param pendingLifetime how long an upload made from a start form waits for its case before it is
 *     removed
 * @param catalogues where the catalogues are: one YAML per procedure next to its model
 */
@Validated
@ConfigurationProperties("fenhe.materials")
public record MaterialsProperties(
    @NotNull @DefaultValue("20MB") DataSize maxSize,
    @NotNull @DefaultValue("PT24H") Duration pendingLifetime,
    @NotEmpty @DefaultValue("classpath*:processes/*/*-materials.yaml") List<String> catalogues) {

  public MaterialsProperties {
    if (maxSize.toBytes() <= 0) {
      throw new IllegalArgumentException("fenhe.materials.max-size must be positive: " + maxSize);
    }
    if (pendingLifetime.isNegative() || pendingLifetime.isZero()) {
      throw new IllegalArgumentException(
          "fenhe.materials.pending-lifetime must be positive: " + pendingLifetime);
    }
  }
}
