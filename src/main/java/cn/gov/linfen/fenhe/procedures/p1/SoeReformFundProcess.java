package cn.gov.linfen.fenhe.procedures.p1;

import java.util.List;
import java.util.Map;

/**
 * The contract of processes/p1-soe-reform-fund/ (国企改革专项资金, 临政办发〔2021〕21号): process keys, element
 * ids, variables, topics, decisions, escalations and forms. Checked against the files by
 * SoeReformFundModelTest; workers, start checks and tests import it instead of repeating strings.
 */
public final class SoeReformFundProcess {

  public static final String KEY = "soe-reform-fund";
  public static final String EVALUATION_KEY = "soe-reform-fund-evaluation";

  private SoeReformFundProcess() {}

  /** Flow nodes of soe-reform-fund.bpmn. */
  public static final class Elements {
    public static final String START = "StartEvent_ApplicationSubmitted";
    public static final String APPLICATION_PHASE = "SubProcess_Application";
    public static final String REVIEW_ROUND = "SubProcess_ReviewRound";
    public static final String VALIDATE_APPLICATION = "ServiceTask_ValidateApplication";
    public static final String CHECK_STAFFING_AND_PAY = "ServiceTask_CheckStaffingAndPay";
    public static final String INITIAL_REVIEW = "UserTask_SupervisingDepartmentReview";
    public static final String COMPLETENESS_CHECK = "UserTask_CompletenessCheck";
    public static final String COMPLETE_MATERIALS = "UserTask_CompleteMaterials";
    public static final String SELECT_REVIEWERS = "BusinessRuleTask_SelectReviewers";
    public static final String SUPERVISING_DEPARTMENT_COST_REVIEW =
        "UserTask_SupervisingDepartmentCostReview";
    public static final String HRSS_REVIEW = "UserTask_HrssReview";
    public static final String MEDICAL_INSURANCE_REVIEW = "UserTask_MedicalInsuranceReview";
    public static final String HEALTH_COMMISSION_REVIEW = "UserTask_HealthCommissionReview";
    public static final String SASAC_REVIEW = "UserTask_SasacReview";
    public static final String FISCAL_REVIEW = "UserTask_FiscalReview";
    public static final String GOVERNMENT_PROCUREMENT = "UserTask_GovernmentProcurement";
    public static final String FINANCE_RECHECK = "UserTask_FinanceRecheck";
    public static final String SIGN_OFF_ROUTING = "BusinessRuleTask_SignOffRouting";
    public static final String REFORM_OFFICE_SIGN_OFF = "UserTask_ReformOfficeSignOff";
    public static final String MUNICIPAL_GOVERNMENT_SIGN_OFF =
        "UserTask_MunicipalGovernmentSignOff";

    /** Art. 7 "报市政府领导同意后出具拨款通知书": after the reform office signed (P1-R18). */
    public static final String LEADER_CONSENT_NEEDED = "Gateway_LeaderConsentNeeded";

    public static final String LEADER_CONSENT = "UserTask_LeaderConsent";
    public static final String ROUND_SIGNED_OFF = "EndEvent_RoundSignedOff";
    public static final String ROUND_RETURNED = "EndEvent_RoundReturned";
    public static final String CORRECT_APPLICATION = "UserTask_CorrectApplication";
    public static final String WITHDRAWN_ON_CORRECTION = "EndEvent_WithdrawnOnCorrection";

    /**
     * The applicant's withdrawal before sign-off: an action (POST
     * /api/cases/{businessKey}/withdraw) correlating {@link Messages#WITHDRAWAL_REQUESTED}, not a
     * standing task.
     */
    public static final String WITHDRAWAL_REQUESTED = "BoundaryEvent_WithdrawalRequested";

    public static final String APPLICATION_SIGNED_OFF = "EndEvent_ApplicationSignedOff";
    public static final String WITHDRAWN_BOUNDARY = "BoundaryEvent_ApplicationWithdrawn";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String DISBURSEMENT_PHASE = "SubProcess_Disbursement";
    public static final String SUPERVISE_DISBURSEMENT = "UserTask_SuperviseDisbursement";
    public static final String DISBURSEMENT_HELD = "EndEvent_DisbursementHeld";
    public static final String PREPARE_NOTICE = "UserTask_PrepareDisbursementNotice";
    public static final String ISSUE_NOTICE = "ServiceTask_IssueDisbursementNotice";
    public static final String TRANSFER_FUNDS = "UserTask_TransferFunds";
    public static final String TRANSFER_OVERDUE = "BoundaryEvent_TransferOverdue";
    public static final String RAISE_OVERDUE_ALERT = "ServiceTask_RaiseOverdueAlert";
    public static final String FOLLOW_UP_OVERDUE_TRANSFER = "UserTask_FollowUpOverdueTransfer";
    public static final String RECORD_TRANSFER = "ServiceTask_RecordTransfer";
    public static final String TRANSFER_RECORDED = "EndEvent_TransferRecorded";
    public static final String DISBURSEMENT_HELD_BOUNDARY = "BoundaryEvent_DisbursementHeld";
    public static final String DECIDE_SUSPENDED_DISBURSEMENT =
        "UserTask_DecideSuspendedDisbursement";
    public static final String END_DISBURSED = "EndEvent_Disbursed";
    public static final String END_DISBURSEMENT_STOPPED = "EndEvent_DisbursementStopped";

    private Elements() {}
  }

  /** Flow nodes of soe-reform-fund-evaluation.bpmn. */
  public static final class EvaluationElements {
    public static final String EVERY_MARCH = "StartEvent_EveryMarch";
    public static final String OPEN_ROUND = "ServiceTask_OpenEvaluationRound";
    public static final String SELF_EVALUATION = "UserTask_SelfEvaluation";
    public static final String SASAC_EVALUATION = "UserTask_SasacEvaluation";
    public static final String GOVERNMENT_RECEIVES_REPORT = "UserTask_GovernmentReceivesReport";
    public static final String FINANCE_RECEIVES_REPORT = "UserTask_FinanceReceivesReport";
    public static final String END_REPORTED = "EndEvent_EvaluationReported";

    /** Every 1 March at 09:00 Shanghai time, whatever the server's zone. */
    public static final String MARCH_CYCLE = "R/2022-03-01T09:00:00+08:00/P1Y";

    private EvaluationElements() {}
  }

  /** External task topics; each has one worker class of the same words. */
  public static final class Topics {
    public static final String VALIDATE_APPLICATION = "p1-validate-application";
    public static final String CHECK_STAFFING_AND_PAY = "p1-check-staffing-and-pay";
    public static final String ISSUE_DISBURSEMENT_NOTICE = "p1-issue-disbursement-notice";
    public static final String RECORD_TRANSFER = "p1-record-transfer";

    /** The shared escalation step (docs/escalation.md). */
    public static final String RAISE_OVERDUE_ALERT = cn.gov.linfen.fenhe.common.Escalating.TOPIC;

    public static final String OPEN_EVALUATION_ROUND = "p1-open-evaluation-round";

    private Topics() {}
  }

  /** Decision keys of the DMN files next to the process. */
  public static final class Decisions {
    public static final String SIGN_OFF = "soe-reform-fund-sign-off";
    public static final String REVIEWERS = "soe-reform-fund-reviewers";
    public static final String STAFFING_LIMITS = "soe-reform-fund-staffing-limits";
    public static final String PAY_CAPS = "soe-reform-fund-pay-caps";

    /** Where the DMN files are on the classpath (the build copies processes/ there). */
    public static final String RESOURCE_FOLDER = "processes/p1-soe-reform-fund/";

    private Decisions() {}
  }

  /** Messages correlated by the platform's API. */
  public static final class Messages {
    /** The applicant withdraws his application before sign-off. */
    public static final String WITHDRAWAL_REQUESTED = "P1_WITHDRAWAL_REQUESTED";

    private Messages() {}
  }

  /** Escalations thrown inside a phase and caught on its boundary. */
  public static final class Escalations {
    public static final String APPLICATION_WITHDRAWN = "P1_APPLICATION_WITHDRAWN";
    public static final String DISBURSEMENT_HELD = "P1_DISBURSEMENT_HELD";

    private Escalations() {}
  }

  /** Camunda Forms ids (forms/p1-soe-reform-fund/). */
  public static final class Forms {
    public static final String APPLICATION = "form-p1-application";
    public static final String INITIAL_REVIEW = "form-p1-initial-review";
    public static final String COMPLETENESS_CHECK = "form-p1-completeness-check";
    public static final String COMPLETE_MATERIALS = "form-p1-complete-materials";
    public static final String REVIEW_SUPERVISING_DEPARTMENT =
        "form-p1-review-supervising-department";
    public static final String REVIEW_HRSS = "form-p1-review-hrss";
    public static final String REVIEW_MEDICAL_INSURANCE = "form-p1-review-medical-insurance";
    public static final String REVIEW_HEALTH_COMMISSION = "form-p1-review-health-commission";
    public static final String REVIEW_SASAC = "form-p1-review-sasac";
    public static final String FISCAL_REVIEW = "form-p1-fiscal-review";
    public static final String PROCUREMENT = "form-p1-procurement";
    public static final String FINANCE_RECHECK = "form-p1-finance-recheck";
    public static final String SIGN_OFF = "form-p1-sign-off";
    public static final String LEADER_CONSENT = "form-p1-leader-consent";
    public static final String CORRECTION = "form-p1-correction";
    public static final String DISBURSEMENT_NOTICE = "form-p1-disbursement-notice";
    public static final String TRANSFER = "form-p1-transfer";
    public static final String OVERDUE_FOLLOW_UP = "form-p1-overdue-follow-up";
    public static final String DISBURSEMENT_SUPERVISION = "form-p1-disbursement-supervision";
    public static final String SUSPENSION_DECISION = "form-p1-suspension-decision";
    public static final String SELF_EVALUATION = "form-p1-self-evaluation";
    public static final String SASAC_EVALUATION = "form-p1-sasac-evaluation";
    public static final String EVALUATION_RECEIPT = "form-p1-evaluation-receipt";

    private Forms() {}
  }

  /** Candidate groups (PROCEDURES.md). */
  public static final class Groups {
    public static final String LIQUIDATION_TEAM = "liquidation-team";
    public static final String SUPERVISING_DEPARTMENT = "supervising-department";
    public static final String REFORM_OFFICE = "reform-office";
    public static final String SASAC = "sasac";
    public static final String HRSS_BUREAU = "hrss-bureau";
    public static final String MEDICAL_INSURANCE_BUREAU = "medical-insurance-bureau";
    public static final String HEALTH_COMMISSION = "health-commission";
    public static final String FINANCE_BUREAU = "finance-bureau";
    public static final String MUNICIPAL_GOVERNMENT = "municipal-government";
    public static final String JILIN_INVESTMENT = "jilin-investment";

    /** The Chinese names people read (the notice says "经…审核"). */
    public static final Map<String, String> CHINESE =
        Map.of(
            SUPERVISING_DEPARTMENT, "企业主管部门",
            REFORM_OFFICE, "市企改办",
            SASAC, "市国资委",
            HRSS_BUREAU, "市人社局",
            MEDICAL_INSURANCE_BUREAU, "市医保局",
            HEALTH_COMMISSION, "市卫健委",
            FINANCE_BUREAU, "市财政局",
            MUNICIPAL_GOVERNMENT, "市政府",
            JILIN_INVESTMENT, "临汾济林投资有限公司");

    private Groups() {}
  }

  /** Process variables. Names of PROCEDURES.md are the public contract. */
  public static final class Variables {
    // --- the application (Appendix 1), start variables of PROCEDURES.md
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String REFORM_TYPE = "reformType";
    public static final String EMPLOYEE_COUNT = "employeeCount";
    public static final String TOTAL_REFORM_COST = "totalReformCost";
    public static final String ASSET_REALIZATION = "assetRealization";
    public static final String LAND_PROCEEDS = "landProceeds";
    public static final String LIQUIDATION_COST_AMOUNT = "liquidationCostAmount";
    public static final String ECONOMIC_COMPENSATION = "economicCompensation";
    public static final String OWED_WAGES = "owedWages";
    public static final String PENSION_ARREARS = "pensionArrears";
    public static final String WORK_INJURY_INSURANCE = "workInjuryInsurance";
    public static final String MEDICAL_ARREARS = "medicalArrears";
    public static final String ONE_CHILD_FEES = "oneChildFees";
    public static final String LAID_OFF_LIVING_ALLOWANCE = "laidOffLivingAllowance";
    public static final String OVER_4050_LIVING_ALLOWANCE = "over4050LivingAllowance";
    public static final String OTHER_RESETTLEMENT = "otherResettlement";

    /** The resettlement items of Art. 6(2), in the order of PROCEDURES.md. */
    public static final List<String> RESETTLEMENT_ITEMS =
        List.of(
            ECONOMIC_COMPENSATION,
            OWED_WAGES,
            PENSION_ARREARS,
            WORK_INJURY_INSURANCE,
            MEDICAL_ARREARS,
            ONE_CHILD_FEES,
            LAID_OFF_LIVING_ALLOWANCE,
            OVER_4050_LIVING_ALLOWANCE,
            OTHER_RESETTLEMENT);

    // Appendix 1 fields beyond the amounts
    public static final String LEGAL_REPRESENTATIVE = "legalRepresentative";
    public static final String LEGAL_REPRESENTATIVE_PHONE = "legalRepresentativePhone";
    public static final String TEAM_LEADER = "liquidationTeamLeader";
    public static final String TEAM_LEADER_PHONE = "liquidationTeamLeaderPhone";
    public static final String SUPERVISING_DEPARTMENT_NAME = "supervisingDepartmentName";
    public static final String FUND_PURPOSE = "fundPurpose";

    /**
     * The types of the case's current materials (a JSON list kept by the platform, see
     * docs/materials.md): the attachments of Art. 9(1) are uploaded, not ticked.
     */
    public static final String SUBMITTED_ATTACHMENTS = "materialTypes";

    /**
     * The project's performance goals, entered with the application (Art. 7 "落实绩效目标", Art. 11
     * "清晰反映预期产出和效果…细化、量化、可衡量"); the annual evaluation is against them (P1-R20).
     */
    public static final String PERFORMANCE_GOALS = "performanceGoals";

    /**
     * Art. 5: 清算注销 "是指企业仅拖欠职工工资、社保债务，无其他非职工债务": a LIQUIDATION applicant declares it (P1-R16);
     * without it the application is refused.
     */
    public static final String ONLY_EMPLOYEE_DEBTS_DECLARED = "onlyEmployeeDebtsDeclared";

    /**
     * Art. 9(2)1: a bankrupt enterprise's administrator costs are "报债权人会议审议表决通过": the resolution
     * (date, number) is required with bankruptcy administrator costs (P1-R17).
     */
    public static final String CREDITORS_MEETING_RESOLUTION = "creditorsMeetingResolution";

    // staffing of the liquidation team (Art. 9(2)1), optional
    public static final String HIRED_STAFF_COUNT = "hiredStaffCount";
    public static final String CARETAKER_STAFF_COUNT = "caretakerStaffCount";
    public static final String EXTERNAL_HEAD_MONTHLY_PAY = "externalHeadMonthlyPay";
    public static final String GROUP_LEADER_MONTHLY_PAY = "groupLeaderMonthlyPay";
    public static final String OTHER_STAFF_MONTHLY_PAY = "otherStaffMonthlyPay";
    public static final String CARETAKER_MONTHLY_PAY = "caretakerMonthlyPay";

    /** The user who applied (camunda:initiator); his tasks are assigned to him. */
    public static final String APPLICANT = "applicant";

    // --- computed by p1-validate-application
    public static final String APPLICATION_NUMBER = "applicationNumber";
    public static final String REQUESTED_AMOUNT = "requestedAmount";
    public static final String RESETTLEMENT_COST_AMOUNT = "resettlementCostAmount";
    public static final String FUNDING_GAP = "fundingGap";
    public static final String HAS_LIQUIDATION_COSTS = "hasLiquidationCosts";
    public static final String HAS_RESETTLEMENT_COSTS = "hasResettlementCosts";
    public static final String MISSING_ATTACHMENTS = "missingAttachments";

    /**
     * Who approved the liquidation / administrator costs (Art. 9(2)1, P1-R17): CREDITORS_MEETING or
     * SUPERVISING_DEPARTMENT.
     */
    public static final String COST_APPROVAL_BODY = "costApprovalBody";

    /** The same in Chinese, with the resolution when the creditors' meeting approved. */
    public static final String COST_APPROVAL_NOTE = "costApprovalNote";

    // --- computed by p1-check-staffing-and-pay
    public static final String STAFFING_FINDINGS = "staffingFindings";
    public static final String STAFFING_BREACH_COUNT = "staffingBreachCount";
    public static final String STAFFING_STANDARD_APPLIES = "staffingStandardApplies";
    public static final String STAFFING_BAND = "staffingBand";

    // --- every review completes with these two, kept task-local and mapped out per reviewer
    public static final String APPROVED = "approved";
    public static final String OPINION = "opinion";
    public static final String INITIAL_REVIEW_APPROVED = "initialReviewApproved";
    public static final String INITIAL_REVIEW_OPINION = "initialReviewOpinion";
    public static final String COMPLETENESS_APPROVED = "completenessApproved";
    public static final String COMPLETENESS_OPINION = "completenessOpinion";
    public static final String SUPERVISING_DEPARTMENT_REVIEW_APPROVED =
        "supervisingDepartmentReviewApproved";
    public static final String SUPERVISING_DEPARTMENT_REVIEW_OPINION =
        "supervisingDepartmentReviewOpinion";
    public static final String HRSS_REVIEW_APPROVED = "hrssReviewApproved";
    public static final String HRSS_REVIEW_OPINION = "hrssReviewOpinion";
    public static final String MEDICAL_INSURANCE_REVIEW_APPROVED = "medicalInsuranceReviewApproved";
    public static final String MEDICAL_INSURANCE_REVIEW_OPINION = "medicalInsuranceReviewOpinion";
    public static final String HEALTH_COMMISSION_REVIEW_APPROVED = "healthCommissionReviewApproved";
    public static final String HEALTH_COMMISSION_REVIEW_OPINION = "healthCommissionReviewOpinion";
    public static final String SASAC_REVIEW_APPROVED = "sasacReviewApproved";
    public static final String SASAC_REVIEW_OPINION = "sasacReviewOpinion";
    public static final String FISCAL_REVIEW_APPROVED = "fiscalReviewApproved";
    public static final String FISCAL_REVIEW_OPINION = "fiscalReviewOpinion";
    public static final String FINANCE_RECHECK_APPROVED = "financeRecheckApproved";
    public static final String FINANCE_RECHECK_OPINION = "financeRecheckOpinion";
    public static final String REFORM_OFFICE_SIGN_OFF_APPROVED = "reformOfficeSignOffApproved";
    public static final String REFORM_OFFICE_SIGN_OFF_OPINION = "reformOfficeSignOffOpinion";
    public static final String MUNICIPAL_GOVERNMENT_SIGN_OFF_APPROVED =
        "municipalGovernmentSignOffApproved";
    public static final String MUNICIPAL_GOVERNMENT_SIGN_OFF_OPINION =
        "municipalGovernmentSignOffOpinion";

    /**
     * The city leader's consent before the notice, where the reform office signed (Art. 7, 9(3),
     * P1-R18).
     */
    public static final String LEADER_CONSENT_APPROVED = "leaderConsentApproved";

    public static final String LEADER_CONSENT_OPINION = "leaderConsentOpinion";

    /** Where a review round ended: SIGNED_OFF or RETURNED. */
    public static final String ROUND_OUTCOME = "roundOutcome";

    // --- decisions taken in the round
    public static final String REVIEWER_GROUPS = "reviewerGroups";
    public static final String SIGN_OFF_ROUTE = "signOffRoute";
    public static final String FISCAL_ADVANCE_REQUESTED = "fiscalAdvanceRequested";
    public static final String FISCAL_ADVANCE_NOTE = "fiscalAdvanceNote";
    public static final String PROCUREMENT_REFERENCE = "procurementReference";
    public static final String PROCUREMENT_RESULT = "procurementResult";

    // --- the applicant
    public static final String APPLICANT_DECISION = "applicantDecision";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";

    /** Who withdrew and when (the platform's withdraw action). */
    public static final String WITHDRAWN_BY = "withdrawnBy";

    public static final String WITHDRAWN_AT = "withdrawnAt";

    // --- the disbursement notice (Appendix 3)
    public static final String APPROVED_AMOUNT = "approvedAmount";
    public static final String DISBURSEMENT_TYPE = "disbursementType";
    public static final String DISBURSEMENT_AMOUNT = "disbursementAmount";
    public static final String ACCOUNT_NAME = "accountName";
    public static final String ACCOUNT_NUMBER = "accountNumber";
    public static final String BANK_NAME = "bankName";
    public static final String BANK_CODE = "bankCode";
    public static final String ACCOUNT_CONTACT = "accountContact";
    public static final String ACCOUNT_CONTACT_PHONE = "accountContactPhone";
    public static final String NOTICE_NUMBER = "noticeNumber";
    public static final String NOTICE_ISSUED_ON = "noticeIssuedOn";
    public static final String DISBURSEMENT_NOTICE = "disbursementNotice";

    /**
     * The date the notice names for the transfer (Appendix 3 "于 M月D日前"), ISO yyyy-MM-dd: the 3rd
     * working day after the day of issue (P1-R19), set by the engine when the notice is issued.
     */
    public static final String TRANSFER_DUE_DATE = "transferDueDate";

    /** The transfer task's due date, recorded when the task is created (3 working days). */
    public static final String TRANSFER_DEADLINE = "transferDeadline";

    // --- the transfer
    public static final String TRANSFERRED_AMOUNT = "transferredAmount";
    public static final String TRANSFER_VOUCHER_NUMBER = "transferVoucherNumber";
    public static final String TRANSFER_RECORD = "transferRecord";
    public static final String TRANSFER_ON_TIME = "transferOnTime";
    public static final String TRANSFER_OVERDUE = "transferOverdue";
    public static final String OVERDUE_ALERT = cn.gov.linfen.fenhe.common.Escalating.LAST_MESSAGE;
    public static final String OVERDUE_ALERT_RECIPIENTS =
        cn.gov.linfen.fenhe.common.Escalating.LAST_TO;
    public static final String OVERDUE_ALERTED_AT = cn.gov.linfen.fenhe.common.Escalating.LAST_AT;
    public static final String FOLLOW_UP_NOTE = "followUpNote";

    // --- the finance bureau holds a disbursement (Art. 12)
    public static final String DISBURSEMENT_HOLD = "disbursementHold";
    public static final String HOLD_REASON = "holdReason";
    public static final String SUSPENSION_DECISION = "suspensionDecision";
    public static final String SUSPENSION_DECISION_NOTE = "suspensionDecisionNote";

    // --- the annual evaluation (Art. 13)
    public static final String EVALUATION_YEAR = "evaluationYear";
    public static final String SELF_EVALUATION_DUE = "selfEvaluationDue";
    public static final String SASAC_EVALUATION_DUE = "sasacEvaluationDue";
    public static final String SELF_EVALUATIONS = "selfEvaluations";
    public static final String EVALUATION_RATING = "evaluationRating";

    /**
     * The year's projects with the performance goals entered with their applications (engine,
     * P1-R20).
     */
    public static final String YEAR_PROJECTS = "yearProjects";

    public static final String EVALUATION_REPORT = "evaluationReport";
    public static final String GOVERNMENT_RECEIPT_NOTE = "governmentReceiptNote";
    public static final String FINANCE_RECEIPT_NOTE = "financeReceiptNote";

    /** Task-local note of a receipt task, mapped out to one of the two above. */
    public static final String RECEIPT_NOTE = "receiptNote";

    private Variables() {}
  }

  /** Values of reformType (Art. 16). */
  public static final class ReformTypes {
    public static final String BANKRUPTCY = "BANKRUPTCY";
    public static final String LIQUIDATION = "LIQUIDATION";

    private ReformTypes() {}
  }

  /** Values of evaluationRating: the text's own terms (Art. 12, 13), P1-R20. */
  public static final class Ratings {
    public static final String ACHIEVED = "ACHIEVED";
    public static final String DEVIATED_CORRECTED = "DEVIATED_CORRECTED";
    public static final String SERIOUS_PROBLEMS = "SERIOUS_PROBLEMS";

    /** Code → what people read. */
    public static final Map<String, String> LABELS =
        Map.of(
            ACHIEVED, "实现年度绩效目标",
            DEVIATED_CORRECTED, "执行中偏离绩效目标，已纠正（第十二条）",
            SERIOUS_PROBLEMS, "存在严重问题（第十二条：市财政局应暂缓或停止拨付，督促整改）");

    private Ratings() {}
  }

  /** Values of costApprovalBody (Art. 9(2)1). */
  public static final class CostApprovalBodies {
    public static final String CREDITORS_MEETING = "CREDITORS_MEETING";
    public static final String SUPERVISING_DEPARTMENT = "SUPERVISING_DEPARTMENT";

    private CostApprovalBodies() {}
  }

  /** Values of signOffRoute (decision soe-reform-fund-sign-off). */
  public static final class SignOffRoutes {
    public static final String MUNICIPAL_GOVERNMENT_WHOLE = "MUNICIPAL_GOVERNMENT_WHOLE";
    public static final String REFORM_OFFICE = "REFORM_OFFICE";
    public static final String MUNICIPAL_GOVERNMENT = "MUNICIPAL_GOVERNMENT";
    public static final String BOTH = "BOTH";

    private SignOffRoutes() {}
  }

  /** Values of the applicant's, the finance bureau's and the round's decisions. */
  public static final class Decided {
    public static final String RESUBMIT = "RESUBMIT";
    public static final String WITHDRAW = "WITHDRAW";
    public static final String SUSPEND = "SUSPEND";
    public static final String STOP = "STOP";
    public static final String RESUME = "RESUME";
    public static final String SIGNED_OFF = "SIGNED_OFF";
    public static final String RETURNED = "RETURNED";
    public static final String PAY = "PAY";
    public static final String LEND = "LEND";

    private Decided() {}
  }

  /**
   * The seven attachments of Art. 9(1); the first six are required. The codes are the material
   * types of processes/p1-soe-reform-fund/p1-materials.yaml.
   */
  public static final class Attachments {
    public static final String APPLICATION_REPORT = "application-report";
    public static final String REFORM_PLAN = "reform-plan";
    public static final String LEADING_GROUP_APPROVAL = "leading-group-approval";
    public static final String AUDIT_REPORTS = "audit-reports";
    public static final String COST_ESTIMATE = "cost-estimate";
    public static final String ASSET_REALIZATION_TABLE = "asset-realization-table";
    public static final String OTHER = "other";

    /**
     * Art. 9(2)1: a bankrupt enterprise's creditors' meeting resolution on the administrator costs
     * (P1-R17).
     */
    public static final String CREDITORS_MEETING_RESOLUTION = "creditors-meeting-resolution";

    /** What the checklist says for it. */
    public static final String CREDITORS_MEETING_RESOLUTION_LABEL =
        "债权人会议审议表决通过破产管理人费用的决议（破产企业申请破产管理人费用时，第九条(二)1）";

    /** Code → the gazette's wording, in the gazette's order. */
    public static final Map<String, String> REQUIRED = orderedRequired();

    private static Map<String, String> orderedRequired() {
      java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
      map.put(APPLICATION_REPORT, "（1）国有企业改革专项资金申请报告及申请表");
      map.put(REFORM_PLAN, "（2）企业改革方案（破产预案）和职工安置方案");
      map.put(LEADING_GROUP_APPROVAL, "（3）市委国企改革发展和党建工作领导小组及办公室批复文件");
      map.put(AUDIT_REPORTS, "（4）改革期间财务审计报告、清产核资报告、资产评估报告");
      map.put(COST_ESTIMATE, "（5）企业改革费用测算表及相关证明材料");
      map.put(ASSET_REALIZATION_TABLE, "（6）企业资产变现情况表及相关证明材料");
      return java.util.Collections.unmodifiableMap(map);
    }

    private Attachments() {}
  }
}
