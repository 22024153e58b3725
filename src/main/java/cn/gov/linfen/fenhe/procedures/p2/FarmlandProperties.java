package cn.gov.linfen.fenhe.procedures.p2;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fenhe.farmland.*} (P2 设施农业用地).
 *
 * @param townshipsData the division data file with the townships of the 17 counties, for the
 *     monthly inspections (P2-R11); default {@value #DEFAULT_TOWNSHIPS}
 */
@Validated
@ConfigurationProperties("fenhe.farmland")
public record FarmlandProperties(@NotBlank @DefaultValue(DEFAULT_TOWNSHIPS) String townshipsData) {

  public static final String DEFAULT_TOWNSHIPS = "classpath:divisions/linfen-townships.json";
}
