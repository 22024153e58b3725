package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardScenario.reject;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Groups;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.test.TestFiles;
import cn.gov.linfen.fenhe.workers.p3.ComputeRewardWorker;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Materials (issue 15) on P3: the tax and sales vouchers handed in from the start form before the
 * case exists, the start refused without them, the checks of every upload (nothing written on a
 * refusal), who sees and adds what, replacement, the download with its Chinese name and the audit
 * log. Runs on H2 and on PostgreSQL (tagged database, as every IntegrationTest).
 */
class ScrapSteelMaterialsTest extends IntegrationTest {

  static final OffsetDateTime APPLIED = OffsetDateTime.parse("2026-07-16T10:00:00+08:00");
  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @Autowired ProcessEngine engine;
  @Autowired ComputeRewardWorker compute;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;

  String creditCode;

  @BeforeEach
  void appliesInJuly() {
    ClockUtil.setCurrentTime(Date.from(APPLIED.toInstant()));
    creditCode = ScrapSteelRewardScenario.announcedEnterprise(baseUrl(), "临汾市示例废钢加工有限公司");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ScrapSteelRewardScenario scenario(String prefix) {
    return new ScrapSteelRewardScenario(
        engine,
        baseUrl(),
        prefix + "-" + UUID.randomUUID(),
        ScrapSteelRewardProcessTest.workers(compute, APPLIED.plusDays(30), APPLIED.plusDays(80)));
  }

  int rows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM fenhe_material", Integer.class)
        + jdbc.queryForObject("SELECT COUNT(*) FROM fenhe_material_content", Integer.class);
  }

  static void refusedInChinese(Http.Response response, int status, String field, String... words) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.get("field").asText()).as(response.toString()).isEqualTo(field);
    assertThat(body.get("reason").asText()).containsPattern(CHINESE);
    if (words.length > 0) {
      assertThat(body.get("reason").asText()).contains(words);
    }
    assertThat(body.get("reasonEn").asText()).isNotBlank().doesNotContainPattern(CHINESE);
    assertThat(response.body()).doesNotContain("Exception:", "at cn.gov", "at org.");
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Test
  void the_catalogue_lists_each_material_with_its_article_step_and_formats() {
    Http.Response catalogue =
        Http.as(baseUrl(), demo(Groups.ENTERPRISE), DEMO_PASSWORD)
            .get("/api/procedures/scrap-steel-reward/materials");
    assertThat(catalogue.status()).isEqualTo(200);
    JsonNode rows = catalogue.json();
    assertThat(rows).hasSize(3);
    JsonNode tax = rows.get(0);
    assertThat(tax.get("type").asText()).isEqualTo("tax-payment-vouchers");
    assertThat(tax.get("name").asText()).isEqualTo("税收缴纳凭证");
    assertThat(tax.get("article").asText()).startsWith("三");
    assertThat(tax.get("required").asBoolean()).isTrue();
    assertThat(tax.get("step").asText()).isEqualTo("StartEvent_ApplicationSubmitted");
    // every step that takes it: its own and the correction's (alsoAt), for the task screen's
    // uploads
    assertThat(tax.get("steps").toString())
        .isEqualTo("[\"StartEvent_ApplicationSubmitted\",\"UserTask_CorrectApplication\"]");
    assertThat(tax.get("formats").toString()).isEqualTo("[\"pdf\",\"jpg\",\"png\"]");
    List<String> keys = new ArrayList<>();
    tax.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly("type", "name", "article", "required", "step", "steps", "formats");
    assertThat(rows.get(2).get("required").asBoolean()).isFalse();

    refusedInChinese(
        Http.as(baseUrl(), demo(Groups.ENTERPRISE), DEMO_PASSWORD)
            .get("/api/procedures/no-such-process/materials"),
        404,
        "processKey");
  }

  @Test
  void P3_materials_a_start_without_the_vouchers_is_refused_in_Chinese_and_creates_no_case() {
    ScrapSteelRewardScenario p3 = scenario("MAT-NONE");
    p3.handsInMaterials = false;
    int before = rows();
    Http.Response refused = p3.startAs(p3.applicant, p3.application(creditCode));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("reason").asText()).contains("缺少申请材料", "税收缴纳凭证");
    assertThat(refused.json().get("message").asText()).contains("税收缴纳凭证", "销售凭证");
    assertThat(refused.json().get("errors").toString())
        .contains("tax-payment-vouchers", "sales-vouchers", "销售凭证");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(p3.businessKey)
                .count())
        .isZero();
    assertThat(rows()).isEqualTo(before);

    // the same through submit-form (as Tasklist starts)
    Http.Response form =
        p3.as(p3.applicant)
            .post(
                "/engine-rest/process-definition/key/scrap-steel-reward/submit-form",
                "{\"businessKey\":\""
                    + p3.businessKey
                    + "\",\"variables\":"
                    + ScrapSteelRewardScenario.variables(p3.application(creditCode))
                    + "}");
    assertThat(form.status()).as(form.toString()).isEqualTo(400);
    assertThat(form.json().get("reason").asText()).contains("税收缴纳凭证");
  }

  @Test
  void
      P3_materials_uploaded_from_the_start_form_are_attached_listed_and_downloaded_with_the_chinese_name()
          throws Exception {
    ScrapSteelRewardScenario p3 = scenario("MAT-START");
    p3.handsInMaterials = false;
    byte[] taxes = TestFiles.pdf("tax payment vouchers 2026 H1");
    Http.Response tax =
        p3.uploadForStart(p3.applicant, "tax-payment-vouchers", "2026上半年完税证明.pdf", taxes);
    assertThat(tax.status()).as(tax.toString()).isEqualTo(201);
    assertThat(tax.json().get("typeName").asText()).isEqualTo("税收缴纳凭证");
    assertThat(tax.json().get("sha256").asText()).isEqualTo(sha256(taxes));
    assertThat(tax.json().get("size").asLong()).isEqualTo(taxes.length);
    assertThat(tax.json().get("contentType").asText()).isEqualTo("application/pdf");
    byte[] photo = TestFiles.png();
    Http.Response sales = p3.uploadForStart(p3.applicant, "sales-vouchers", "销售发票.png", photo);
    assertThat(sales.status()).as(sales.toString()).isEqualTo(201);
    assertThat(sales.json().get("contentType").asText()).isEqualTo("image/png");

    // another enterprise cannot use these uploads
    ScrapSteelRewardScenario other = scenario("MAT-THEFT");
    other.applicant = otherEnterprise();
    other.handsInMaterials = false;
    Map<String, Object> stolen = new LinkedHashMap<>(p3.application(creditCode));
    stolen.put(
        "materialUploads", tax.json().get("id").asText() + "," + sales.json().get("id").asText());
    Http.Response theft = other.startAs(other.applicant, stolen);
    refusedInChinese(theft, 400, "materialUploads", "不是您上传的");
    // nor download them while they wait for their case
    assertThat(
            other
                .as(other.applicant)
                .get("/api/materials/" + tax.json().get("id").asText())
                .status())
        .isEqualTo(404);

    Map<String, Object> variables = new LinkedHashMap<>(p3.application(creditCode));
    variables.put(
        "materialUploads", tax.json().get("id").asText() + "," + sales.json().get("id").asText());
    p3.start(variables);
    assertThat(p3.variable("materialUploads")).isNull();
    assertThat((String) p3.variable("materialTypes"))
        .isEqualTo("[\"sales-vouchers\",\"tax-payment-vouchers\"]");

    Http.Response listed = p3.materials(p3.applicant);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json()).hasSize(2);
    JsonNode first = listed.json().get(0);
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "id",
            "type",
            "typeName",
            "fileName",
            "size",
            "sha256",
            "contentType",
            "uploadedBy",
            "uploadedAt",
            "step",
            "replacedBy");
    assertThat(first.get("uploadedBy").asText()).isEqualTo(p3.applicant);
    assertThat(first.get("step").asText()).isEqualTo("StartEvent_ApplicationSubmitted");

    // the county officer of the case's step reads the file: inline (preview), the Chinese name
    p3.runUntil(COUNTY_REVIEW);
    String officer = p3.countyUser(Groups.COUNTY_INDUSTRY_IT);
    Http.Response download = p3.as(officer).get("/api/materials/" + tax.json().get("id").asText());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Type")).startsWith("application/pdf");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    String disposition = download.header("Content-Disposition");
    assertThat(disposition)
        .startsWith("inline; filename=\"")
        .contains(
            "filename*=UTF-8''" + URLEncoder.encode("2026上半年完税证明.pdf", StandardCharsets.UTF_8));
    assertThat(disposition.substring(0, disposition.indexOf(';', 8))).matches("[\\x20-\\x7e]*");
    assertThat(download.body()).startsWith("%PDF-");
    assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1).length)
        .isEqualTo(taxes.length);
    assertThat(audit.entriesAbout(p3.businessKey, 20))
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo(officer);
              assertThat(e.action()).isEqualTo("material.download");
              assertThat(e.details()).contains(tax.json().get("id").asText());
            });
  }

  @Test
  void P3_materials_bad_uploads_are_refused_in_Chinese_and_nothing_is_written() {
    ScrapSteelRewardScenario p3 = scenario("MAT-BAD");
    String user = p3.applicant;
    int before = rows();
    // a Windows program renamed .pdf
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    refusedInChinese(
        p3.uploadForStart(user, "tax-payment-vouchers", "完税证明.pdf", exe), 400, "file", "可执行程序");
    // a Linux program and a script
    refusedInChinese(
        p3.uploadForStart(
            user, "tax-payment-vouchers", "a.pdf", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}),
        400,
        "file");
    refusedInChinese(
        p3.uploadForStart(
            user,
            "tax-payment-vouchers",
            "a.pdf",
            "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)),
        400,
        "file");
    // text that is no document at all
    refusedInChinese(
        p3.uploadForStart(
            user, "tax-payment-vouchers", "完税证明.pdf", "只是文字".getBytes(StandardCharsets.UTF_8)),
        400,
        "file",
        "无法识别");
    // a format the material does not take (a Word document as a tax voucher)
    refusedInChinese(
        p3.uploadForStart(user, "tax-payment-vouchers", "完税证明.doc", ole()),
        400,
        "file",
        "税收缴纳凭证",
        "doc");
    // empty
    refusedInChinese(
        p3.uploadForStart(user, "tax-payment-vouchers", "空.pdf", new byte[0]), 400, "file", "空");
    // a type the procedure does not have, a type handed in later, no type, no file
    refusedInChinese(
        p3.uploadForStart(user, "passport", "a.pdf", TestFiles.pdf("x")), 400, "type", "passport");
    refusedInChinese(
        p3.as(user)
            .postMultipart(
                "/api/procedures/scrap-steel-reward/materials/uploads",
                TestFiles.BOUNDARY,
                TestFiles.upload(null, "a.pdf", TestFiles.pdf("x"))),
        400,
        "type");
    refusedInChinese(
        p3.as(user)
            .postMultipart(
                "/api/procedures/scrap-steel-reward/materials/uploads",
                TestFiles.BOUNDARY,
                TestFiles.upload("tax-payment-vouchers", null, null)),
        400,
        "file");
    // a user who may not start P3 cannot upload for its start
    refusedInChinese(
        p3.uploadForStart(
            demo(Groups.FINANCE_BUREAU), "tax-payment-vouchers", "a.pdf", TestFiles.pdf("x")),
        403,
        "user",
        "不能发起");
    // larger than fenhe.materials.max-size (20MB): refused by the multipart limit, 413
    byte[] large = Arrays.copyOf(TestFiles.pdf("large"), 20 * 1024 * 1024 + 4096);
    refusedInChinese(
        p3.uploadForStart(user, "tax-payment-vouchers", "大文件.pdf", large), 413, "file", "20MB");
    assertThat(rows()).isEqualTo(before);

    // a name with path parts and control characters is cleaned, not trusted
    Http.Response cleaned =
        p3.uploadForStart(
            user, "tax-payment-vouchers", "../../etc/\u0007完税证明.pdf", TestFiles.pdf("ok"));
    assertThat(cleaned.status()).as(cleaned.toString()).isEqualTo(201);
    assertThat(cleaned.json().get("fileName").asText()).isEqualTo("完税证明.pdf");
    Http.Response windows =
        p3.uploadForStart(
            user, "sales-vouchers", "C:\\Users\\企业\\..\\销售凭证.pdf", TestFiles.pdf("ok"));
    assertThat(windows.json().get("fileName").asText()).isEqualTo("销售凭证.pdf");
  }

  /** The OLE signature of a .doc/.xls file, then nothing. */
  static byte[] ole() {
    byte[] doc = new byte[1024];
    byte[] signature = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    System.arraycopy(signature, 0, doc, 0, signature.length);
    return doc;
  }

  @Test
  void P3_materials_only_participants_see_them_supervisors_only_read_and_strangers_get_404() {
    ScrapSteelRewardScenario p3 = scenario("MAT-WHO").start(p3Application());
    String id = p3.materials(p3.applicant).json().get(0).get("id").asText();
    int before = rows();

    // an officer of another county and another enterprise: as if the case did not exist
    for (String stranger : List.of(demo(Groups.COUNTY_INDUSTRY_IT) + "-houma", otherEnterprise())) {
      Http.Response list = p3.materials(stranger);
      Http.Response missing =
          p3.as(stranger).get("/api/cases/NO-SUCH-CASE-" + UUID.randomUUID() + "/materials");
      assertThat(list.status()).as(stranger + ": " + list).isEqualTo(404);
      assertThat(list.json().get("reason").asText())
          .isEqualTo(missing.json().get("reason").asText())
          .containsPattern(CHINESE);
      assertThat(p3.as(stranger).get("/api/materials/" + id).status()).isEqualTo(404);
      assertThat(p3.upload(stranger, "tax-payment-vouchers", "a.pdf", TestFiles.pdf("x")).status())
          .isEqualTo(404);
    }
    assertThat(p3.as(demo(Groups.INDUSTRY_IT_BUREAU)).get("/api/materials/no-such-id").status())
        .isEqualTo(404);

    // a supervisor reads, but does not add
    String supervisor = demo("supervisors");
    assertThat(p3.materials(supervisor).json()).hasSize(2);
    assertThat(p3.as(supervisor).get("/api/materials/" + id).status()).isEqualTo(200);
    refusedInChinese(
        p3.upload(supervisor, "tax-payment-vouchers", "a.pdf", TestFiles.pdf("x")),
        403,
        "user",
        "查阅");
    // the applicant cannot change a start material once the county review has started
    p3.runUntil(COUNTY_REVIEW);
    refusedInChinese(
        p3.upload(p3.applicant, "tax-payment-vouchers", "a.pdf", TestFiles.pdf("x")),
        400,
        "type",
        "税收缴纳凭证");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void P3_materials_a_correction_replaces_a_voucher_and_the_first_stays_in_the_history() {
    ScrapSteelRewardScenario p3 = scenario("MAT-REPLACE").start(p3Application());
    p3.answers.put(
        COUNTY_REVIEW, new ScrapSteelRewardScenario.Answer<>(null, s -> reject("完税证明不清晰，请重新上传")));
    p3.runUntil(CORRECT_APPLICATION);
    String first = currentOf(p3, "tax-payment-vouchers");

    Http.Response again =
        p3.upload(p3.applicant, "tax-payment-vouchers", "完税证明（清晰）.pdf", TestFiles.pdf("v2"));
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json().get("step").asText()).isEqualTo(CORRECT_APPLICATION);
    Http.Response third =
        p3.upload(p3.applicant, "tax-payment-vouchers", "完税证明（第三版）.pdf", TestFiles.pdf("v3"));
    assertThat(third.status()).isEqualTo(201);

    JsonNode all = p3.materials(p3.applicant).json();
    assertThat(all).hasSize(4);
    Map<String, String> replacedBy = new LinkedHashMap<>();
    all.forEach(m -> replacedBy.put(m.get("id").asText(), m.get("replacedBy").asText(null)));
    assertThat(replacedBy.get(first)).isEqualTo(again.json().get("id").asText());
    assertThat(replacedBy.get(again.json().get("id").asText()))
        .isEqualTo(third.json().get("id").asText());
    assertThat(replacedBy.get(third.json().get("id").asText())).isNull();
    // the replaced file can still be read
    assertThat(p3.as(p3.applicant).get("/api/materials/" + first).status()).isEqualTo(200);
    assertThat(audit.entriesAbout(p3.businessKey, 50))
        .filteredOn(e -> e.action().equals("material.upload"))
        .hasSize(2);
  }

  /** Another enterprise (member of the enterprise group), with the demo password. */
  String otherEnterprise() {
    String id = "ent-" + UUID.randomUUID().toString().substring(0, 8);
    var identity = engine.getIdentityService();
    var user = identity.newUser(id);
    user.setFirstName("另一企业");
    user.setLastName("测试");
    user.setPassword(DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, Groups.ENTERPRISE);
    return id;
  }

  static String currentOf(ScrapSteelRewardScenario p3, String type) {
    for (JsonNode m : p3.materials(p3.applicant).json()) {
      if (m.get("type").asText().equals(type) && m.get("replacedBy").isNull()) {
        return m.get("id").asText();
      }
    }
    throw new AssertionError("no current " + type);
  }

  Map<String, Object> p3Application() {
    return scenario("unused").application(creditCode);
  }
}
