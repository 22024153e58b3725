package cn.gov.linfen.fenhe.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.linfen.fenhe.documents.OfficialDocument.Cell;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Row;
import cn.gov.linfen.fenhe.test.PdfText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The A4 writer on its own: wrapping, page breaks, a missing glyph, the font missing (503). */
class PdfWriterTest {

  static final DocumentFont FONT =
      new DocumentFont(new DocumentsProperties("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));

  @Test
  void long_chinese_text_wraps_and_a_long_table_continues_on_the_next_page() throws Exception {
    String longText = "临汾市国企改革专项资金".repeat(30);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      rows.add(Row.of("第" + i + "行", Cell.span("内容" + i, 2)));
    }
    byte[] pdf =
        PdfWriter.write(
            OfficialDocument.titled("测试公文", "临测〔2026〕1号")
                .paragraph(longText)
                .table(new float[] {1, 1, 1}, rows)
                .signature("市企改办", "2026年12月9日")
                .build(),
            FONT.font(),
            Instant.parse("2026-12-09T02:00:00Z"));
    try (PDDocument document = PdfText.load(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
    }
    String text = PdfText.of(pdf);
    assertThat(text).contains("测试公文", "临测〔2026〕1号", longText, "第60行", "内容60", "2026年12月9日");
    // the same document and date give the same bytes
    assertThat(
            PdfWriter.write(
                OfficialDocument.titled("测试公文", "临测〔2026〕1号")
                    .paragraph(longText)
                    .table(new float[] {1, 1, 1}, rows)
                    .signature("市企改办", "2026年12月9日")
                    .build(),
                FONT.font(),
                Instant.parse("2026-12-09T02:00:00Z")))
        .isEqualTo(pdf);
  }

  @Test
  void a_character_the_font_lacks_prints_as_a_question_mark_instead_of_failing() {
    byte[] pdf =
        PdfWriter.write(
            OfficialDocument.titled("测试", null).paragraph("经办人：张三\uD83D\uDE00，同意。").build(),
            FONT.font(),
            Instant.parse("2026-12-09T02:00:00Z"));
    assertThat(PdfText.of(pdf)).contains("经办人：张三？，同意。");
  }

  @Test
  void a_missing_font_is_a_503_with_a_chinese_reason() {
    DocumentFont missing = new DocumentFont(new DocumentsProperties("/nonexistent/font.ttc"));
    assertThatThrownBy(missing::font)
        .isInstanceOfSatisfying(
            DocumentRefused.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(503);
              assertThat(refused.error().field()).isEqualTo("font");
              assertThat(refused.error().chinese()).contains("缺少中文字体", "/nonexistent/font.ttc");
            });
  }
}
