package cn.gov.linfen.fenhe.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * The organisation of PROCEDURES.md: stable group ids (used by models, authorizations and tests)
 * and the Chinese names people see.
 */
public enum FenheGroup {
  LIQUIDATION_TEAM("liquidation-team", "企业破产管理人/清算组"),
  SUPERVISING_DEPARTMENT("supervising-department", "企业主管部门"),
  REFORM_OFFICE("reform-office", "市企改办"),
  SASAC("sasac", "市国资委"),
  HRSS_BUREAU("hrss-bureau", "市人社局"),
  MEDICAL_INSURANCE_BUREAU("medical-insurance-bureau", "市医保局"),
  HEALTH_COMMISSION("health-commission", "市卫健委"),
  FINANCE_BUREAU("finance-bureau", "市财政局"),
  MUNICIPAL_GOVERNMENT("municipal-government", "市政府(分管领导)"),
  JILIN_INVESTMENT("jilin-investment", "临汾济林投资有限公司"),
  INDUSTRY_IT_BUREAU("industry-it-bureau", "市工信局"),
  TAX_BUREAU("tax-bureau", "市税务局"),
  ENTERPRISE("enterprise", "废钢铁加工企业(申报单位)"),
  COUNTY_INDUSTRY_IT("county-industry-it", "县级工信部门"),
  COUNTY_FINANCE("county-finance", "县级财政部门"),
  FARMLAND_OPERATOR("farmland-operator", "设施农业经营者/农村集体经济组织"),
  VILLAGE_COMMITTEE("village-committee", "村委会"),
  TOWNSHIP_GOVERNMENT("township-government", "乡镇政府"),
  COUNTY_NATURAL_RESOURCES("county-natural-resources", "县级自然资源部门"),
  COUNTY_AGRICULTURE("county-agriculture", "县级农业农村部门"),
  MARKET_SUPERVISION_BUREAU("market-supervision-bureau", "市市场监督管理局"),
  COUNTY_MARKET_SUPERVISION("county-market-supervision", "县级市场监督管理部门"),
  COUNTY_GOVERNMENT("county-government", "县级人民政府"),
  ECOLOGY_ENVIRONMENT_BUREAU("ecology-environment-bureau", "市生态环境局"),
  PUBLIC_SECURITY_BUREAU("public-security-bureau", "市公安局"),
  APPROVAL_SERVICE_BUREAU("approval-service-bureau", "市行政审批服务管理局"),
  COUNTY_APPROVAL_SERVICE("county-approval-service", "县级行政审批服务管理局"),
  REGULATOR("regulator", "监管部门（市直）"),
  COUNTY_REGULATOR("county-regulator", "县级监管部门"),
  SUPERVISORS("supervisors", "督查人员"),
  MODELLERS("modellers", "流程建模人员"),
  ADMINS("admins", "系统管理员");

  private final String id;
  private final String chineseName;

  FenheGroup(String id, String chineseName) {
    this.id = id;
    this.chineseName = chineseName;
  }

  public String id() {
    return id;
  }

  public String chineseName() {
    return chineseName;
  }

  /**
   * County-level roles: their work is per county (X-R03). Each has one group per county, {@code
   * <role>-<county code>} (e.g. {@code county-industry-it-yaodu}); an officer is a member of the
   * role group and of his county's group, and county tasks are offered to the county's group.
   */
  public boolean isCountyScoped() {
    return switch (this) {
      case COUNTY_INDUSTRY_IT,
          COUNTY_APPROVAL_SERVICE,
          COUNTY_REGULATOR,
          COUNTY_FINANCE,
          VILLAGE_COMMITTEE,
          TOWNSHIP_GOVERNMENT,
          COUNTY_NATURAL_RESOURCES,
          COUNTY_AGRICULTURE,
          COUNTY_MARKET_SUPERVISION,
          COUNTY_GOVERNMENT ->
          true;
      default -> false;
    };
  }

  /** Groups whose members work cases (everyone but supervisors, modellers and admins). */
  public boolean isCaseOfficerGroup() {
    return this != SUPERVISORS && this != MODELLERS && this != ADMINS;
  }

  public static Optional<FenheGroup> byId(String id) {
    return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
  }
}
