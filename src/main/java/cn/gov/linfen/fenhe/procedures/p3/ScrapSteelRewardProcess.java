package cn.gov.linfen.fenhe.procedures.p3;

import java.util.List;

/**
 * The contract of processes/p3-scrap-steel-reward/ (废钢铁加工企业奖励资金, 临政办发〔2021〕20号): process keys,
 * element ids, variables, topics and forms. Checked against the files by ScrapSteelRewardModelTest;
 * workers, start checks and tests import it instead of repeating strings.
 */
public final class ScrapSteelRewardProcess {

  public static final String KEY = "scrap-steel-reward";
  public static final String ROUND_KEY = "scrap-steel-reward-round";

  private ScrapSteelRewardProcess() {}

  /** Flow nodes of scrap-steel-reward.bpmn. */
  public static final class Elements {
    public static final String START = "StartEvent_ApplicationSubmitted";
    public static final String CASE = "SubProcess_Case";
    public static final String REVIEW_ROUND = "SubProcess_ReviewRound";
    public static final String COMPUTE_REWARD = "ServiceTask_ComputeReward";
    public static final String COUNTY_REVIEW = "UserTask_CountyReview";
    public static final String INDUSTRY_IT_CONFIRMATION = "UserTask_IndustryItConfirmation";
    public static final String TAX_CONFIRMATION = "UserTask_TaxConfirmation";
    public static final String FINANCE_CONFIRMATION = "UserTask_FinanceConfirmation";
    public static final String ROUND_CONFIRMED = "EndEvent_RoundConfirmed";
    public static final String ROUND_RETURNED_BY_COUNTY = "EndEvent_RoundReturnedByCounty";
    public static final String ROUND_RETURNED_BY_CITY = "EndEvent_RoundReturnedByCity";
    public static final String CORRECT_APPLICATION = "UserTask_CorrectApplication";
    public static final String WITHDRAWN_IN_CASE = "EndEvent_WithdrawnInCase";
    public static final String CITY_DISBURSEMENT = "UserTask_CityDisbursement";
    public static final String COUNTY_DISBURSEMENT = "UserTask_CountyDisbursement";
    public static final String RECORD_PAYMENT = "ServiceTask_RecordPayment";
    public static final String PAID_IN_CASE = "EndEvent_PaidInCase";
    public static final String DUE_SOON = "BoundaryEvent_DueSoon";
    public static final String ALERT_DUE_SOON = "ServiceTask_AlertDueSoon";
    public static final String FOLLOW_UP_DUE_SOON = "UserTask_FollowUpDueSoon";
    public static final String DUE_SOON_FOLLOWED_UP = "EndEvent_DueSoonFollowedUp";
    public static final String OVERDUE = "BoundaryEvent_Overdue";
    public static final String ALERT_OVERDUE = "ServiceTask_AlertOverdue";
    public static final String FOLLOW_UP_OVERDUE = "UserTask_FollowUpOverdue";
    public static final String OVERDUE_FOLLOWED_UP = "EndEvent_OverdueFollowedUp";
    public static final String END_PAID = "EndEvent_RewardPaid";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

    private Elements() {}
  }

  /** Flow nodes of scrap-steel-reward-round.bpmn. */
  public static final class RoundElements {
    public static final String OPENS = "StartEvent_RoundOpens";
    public static final String OPEN_ROUND = "ServiceTask_OpenRound";
    public static final String WINDOW_CLOSES = "TimerEvent_WindowCloses";
    public static final String CLOSE_ROUND = "ServiceTask_CloseRound";
    public static final String END_CLOSED = "EndEvent_RoundClosed";

    /**
     * 1 January and 1 July, 09:00 Shanghai, whatever the server's zone: six calendar months from
     * 09:00 +08:00 stay on the 1st of the month in every zone from UTC−9 to UTC+8.
     */
    public static final String HALF_YEAR_CYCLE = "R/2021-07-01T09:00:00+08:00/P6M";

    private RoundElements() {}
  }

  /** External task topics; each has one worker class of the same words. */
  public static final class Topics {
    public static final String COMPUTE_REWARD = "scrap-steel-compute-reward";
    public static final String RECORD_PAYMENT = "scrap-steel-record-payment";
    public static final String OPEN_ROUND = "scrap-steel-open-round";
    public static final String CLOSE_ROUND = "scrap-steel-close-round";

    /** The shared escalation step (docs/escalation.md). */
    public static final String ESCALATE = cn.gov.linfen.fenhe.common.Escalating.TOPIC;

    private Topics() {}
  }

  /** Camunda Forms ids (forms/p3-scrap-steel-reward/, and the shared follow-up form). */
  public static final class Forms {
    public static final String APPLICATION = "form-p3-application";
    public static final String COUNTY_REVIEW = "form-p3-county-review";
    public static final String CITY_CONFIRMATION = "form-p3-city-confirmation";
    public static final String CORRECTION = "form-p3-correction";
    public static final String CITY_DISBURSEMENT = "form-p3-city-disbursement";
    public static final String COUNTY_DISBURSEMENT = "form-p3-county-disbursement";
    public static final String FOLLOW_UP = "form-escalation-follow-up";

    private Forms() {}
  }

  /** Candidate groups (PROCEDURES.md); county groups are per county. */
  public static final class Groups {
    public static final String ENTERPRISE = "enterprise";
    public static final String COUNTY_INDUSTRY_IT = "county-industry-it";
    public static final String COUNTY_FINANCE = "county-finance";
    public static final String INDUSTRY_IT_BUREAU = "industry-it-bureau";
    public static final String TAX_BUREAU = "tax-bureau";
    public static final String FINANCE_BUREAU = "finance-bureau";
    public static final String SUPERVISORS = "supervisors";

    private Groups() {}
  }

  /** Process variables. Names of PROCEDURES.md are the public contract. */
  public static final class Variables {
    // --- start variables of PROCEDURES.md
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String CREDIT_CODE = "creditCode";
    public static final String COUNTY = "county";
    public static final String PERIOD = "period";
    public static final String VAT_PAID = "vatPaid";
    public static final String URBAN_CONSTRUCTION_TAX = "urbanConstructionTax";
    public static final String EDUCATION_SURCHARGE = "educationSurcharge";
    public static final String LOCAL_EDUCATION_SURCHARGE = "localEducationSurcharge";
    public static final String STAMP_DUTY = "stampDuty";

    /**
     * The five taxes whose city and county retained shares are the reward (P3-R03), in the
     * gazette's order.
     */
    public static final List<String> TAXES =
        List.of(
            VAT_PAID,
            URBAN_CONSTRUCTION_TAX,
            EDUCATION_SURCHARGE,
            LOCAL_EDUCATION_SURCHARGE,
            STAMP_DUTY);

    /**
     * The written application carries tax payment and sales vouchers (三): materials of the case
     * (processes/p3-scrap-steel-reward/p3-materials.yaml), required at the start by the platform.
     */
    public static final String TAX_PAYMENT_VOUCHERS = "tax-payment-vouchers";

    public static final String SALES_VOUCHERS = "sales-vouchers";

    /** 三 末句 "废钢铁加工企业对奖励资金申报材料的真实性负责": the enterprise declares it (P3-R09). */
    public static final String MATERIALS_DECLARED_TRUE = "materialsDeclaredTrue";

    /** The user who applied (camunda:initiator); his tasks are assigned to him. */
    public static final String APPLICANT = "applicant";

    // --- set at the start (engine): the 3-month deadline of P3-R06
    public static final String APPLICATION_DATE = "applicationDate";
    public static final String DUE_AT = "dueAt";
    public static final String DUE_SOON_AT = "dueSoonAt";

    // --- set at the start (engine): what people read about the period and the MIIT list
    /** The period in Chinese, "2026年下半年" (P3-R08); {@link #PERIOD} stays the API's key. */
    public static final String PERIOD_LABEL = "periodLabel";

    /**
     * Whether the enterprise is on the MIIT announcement list: information, not a condition
     * (P3-R01).
     */
    public static final String MIIT_LISTED = "miitListed";

    /**
     * The same in Chinese for the reviewers: on the list or not, since when, which announcement.
     */
    public static final String MIIT_LIST_INFO = "miitListInfo";

    // --- computed by scrap-steel-compute-reward
    public static final String REWARD_CITY = "rewardCity";
    public static final String REWARD_COUNTY = "rewardCounty";
    public static final String REWARD_TOTAL = "rewardTotal";
    public static final String REWARD_BREAKDOWN = "rewardBreakdown";

    // --- reviews: task-local approved/opinion mapped out per step (X-R02)
    public static final String APPROVED = "approved";
    public static final String OPINION = "opinion";
    public static final String COUNTY_REVIEW_APPROVED = "countyReviewApproved";
    public static final String COUNTY_REVIEW_OPINION = "countyReviewOpinion";
    public static final String INDUSTRY_IT_APPROVED = "industryItConfirmationApproved";
    public static final String INDUSTRY_IT_OPINION = "industryItConfirmationOpinion";
    public static final String TAX_APPROVED = "taxConfirmationApproved";
    public static final String TAX_OPINION = "taxConfirmationOpinion";
    public static final String FINANCE_APPROVED = "financeConfirmationApproved";
    public static final String FINANCE_OPINION = "financeConfirmationOpinion";

    /** 六 "工信部门要核实废钢铁加工产品销售渠道": the county's check in its review (P3-R09). */
    public static final String SALES_CHANNELS_VERIFIED = "salesChannelsVerified";

    public static final String SALES_CHANNEL_NOTE = "salesChannelNote";
    public static final String COUNTY_SALES_CHANNELS_VERIFIED = "countySalesChannelsVerified";
    public static final String COUNTY_SALES_CHANNEL_NOTE = "countySalesChannelNote";
    public static final String ROUND_OUTCOME = "roundOutcome";
    public static final String CONFIRMED_AT = "confirmedAt";

    // --- correction
    public static final String APPLICANT_DECISION = "applicantDecision";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";

    // --- disbursement
    public static final String CITY_PAID_AMOUNT = "cityPaidAmount";
    public static final String CITY_PAYMENT_VOUCHER = "cityPaymentVoucher";
    public static final String COUNTY_PAID_AMOUNT = "countyPaidAmount";
    public static final String COUNTY_PAYMENT_VOUCHER = "countyPaymentVoucher";
    public static final String PAID_AT = "paidAt";
    public static final String PAID_ON_TIME = "paidOnTime";

    // --- deadline flags set by the escalations
    public static final String DUE_SOON = "dueSoon";
    public static final String OVERDUE = "overdue";
    public static final String FOLLOW_UP_NOTE = "followUpNote";

    // --- the round process
    public static final String ROUND_OPENED_AT = "roundOpenedAt";
    public static final String WINDOW_CLOSES_AT = "windowClosesAt";
    public static final String ROUND_CLOSED_AT = "roundClosedAt";

    private Variables() {}
  }

  /** Values of {@link Variables#ROUND_OUTCOME} and {@link Variables#APPLICANT_DECISION}. */
  public static final class Decided {
    public static final String CONFIRMED = "CONFIRMED";
    public static final String RETURNED = "RETURNED";
    public static final String RESUBMIT = "RESUBMIT";
    public static final String WITHDRAW = "WITHDRAW";

    private Decided() {}
  }
}
