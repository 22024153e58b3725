package cn.gov.linfen.fenhe.documents;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of official documents (公文).
 *
 * @param font the Chinese font embedded (as a subset) in every PDF: a TrueType font ({@code .ttf})
 *     or collection ({@code .ttc}, its first font). Default: WenQuanYi Micro Hei of the Debian
 *     package {@code fonts-wqy-microhei} (Apache-2.0). CFF-flavoured OpenType fonts (Noto CJK)
 *     cannot be embedded by PDFBox. When the file is missing, documents are answered 503 with a
 *     Chinese reason and the start-up log says so once.
 */
@Validated
@ConfigurationProperties("fenhe.documents")
public record DocumentsProperties(
    @DefaultValue("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") @NotBlank String font) {}
