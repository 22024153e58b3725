package cn.gov.linfen.fenhe.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gov.linfen.fenhe.cases.CaseAccess;
import cn.gov.linfen.fenhe.cases.CaseRef;
import cn.gov.linfen.fenhe.cases.CaseRole;
import cn.gov.linfen.fenhe.security.FenheUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The font missing at run time: the start-up log says so once, and a PDF is answered 503 with a
 * Chinese reason (never a 500), through the controller as a caller sees it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DocumentsControllerTest {

  static final FenheUser USER = new FenheUser("demo-reform-office", List.of("reform-office"));

  @Test
  void a_missing_font_is_said_once_in_the_log_and_answered_503_in_chinese(CapturedOutput output)
      throws Exception {
    DocumentFont font = new DocumentFont(new DocumentsProperties("/nonexistent/wqy-microhei.ttc"));
    CaseAccess access = mock(CaseAccess.class);
    CaseRef ref =
        new CaseRef("K-1", "pi-1", "def-1", "soe-reform-fund", "u", false, CaseRole.OFFICER);
    when(access.require(any(), eq("K-1"))).thenReturn(ref);
    CaseDocumentsService service = mock(CaseDocumentsService.class);
    when(service.pdf(any(), eq(ref), eq("disbursement-notice")))
        .thenAnswer(invocation -> font.font());
    MockMvc mvc = MockMvcBuilders.standaloneSetup(new DocumentsController(access, service)).build();

    for (int i = 0; i < 2; i++) {
      MvcResult result =
          mvc.perform(
                  get("/api/cases/K-1/documents/disbursement-notice.pdf")
                      .requestAttr(FenheUser.REQUEST_ATTRIBUTE, USER))
              .andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(503);
      String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(body)
          .contains(
              "\"field\":\"font\"",
              "公文暂时无法生成：服务器缺少中文字体（/nonexistent/wqy-microhei.ttc）",
              "fonts-wqy-microhei",
              "\"reasonEn\"")
          .doesNotContain("Exception:", "at cn.gov");
    }
    assertThat(output.getAll().split("公文字体缺失", -1)).as("said once").hasSize(2);
  }
}
