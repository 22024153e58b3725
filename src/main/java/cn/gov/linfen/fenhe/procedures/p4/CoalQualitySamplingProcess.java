package cn.gov.linfen.fenhe.procedures.p4;

/**
 * The contract of processes/p4-coal-quality-sampling/ (民用煤煤质抽检与不合格处置闭环, 临政办发〔2021〕22号
 * 二(一)、二(三)、二(五)): process keys, decision keys, element ids, variables, topics and forms. Checked
 * against the files by CoalQualitySamplingModelTest; workers, checks and tests import it.
 */
public final class CoalQualitySamplingProcess {

  /** One seller's case: sample, result, report, disposal, closure. */
  public static final String KEY = "coal-quality-sampling";

  /** The monthly plan per county (timer on the 1st). */
  public static final String ROUND_KEY = "coal-quality-sampling-round";

  private CoalQualitySamplingProcess() {}

  /** Decision tables (processes/p4-coal-quality-sampling/*.dmn). */
  public static final class Decisions {
    public static final String CONFORMITY = "coal-quality-conformity";
    public static final String VIOLATION_ROUTING = "coal-violation-routing";
    public static final String RESOURCE_FOLDER = "processes/p4-coal-quality-sampling/";

    private Decisions() {}
  }

  /** Flow nodes of coal-quality-sampling-round.bpmn. */
  public static final class RoundElements {
    public static final String MONTHLY = "StartEvent_MonthlyPlan";
    public static final String OPEN_MONTH = "ServiceTask_OpenSamplingMonth";
    public static final String COUNTY_PLAN = "SubProcess_CountyPlan";
    public static final String DRAW_SELLERS = "ServiceTask_DrawSellers";
    public static final String CONFIRM_PLAN = "UserTask_ConfirmPlan";
    public static final String SAMPLE_SELLERS = "CallActivity_SampleSeller";
    public static final String NOTHING_TO_DRAW = "EndEvent_NoSellers";
    public static final String SAMPLES_CLOSED = "EndEvent_SamplesClosed";
    public static final String MONTH_ENDS = "TimerEvent_MonthEnds";
    public static final String CHECK_COVERAGE = "ServiceTask_CheckCoverage";
    public static final String ESCALATE_COVERAGE = "ServiceTask_EscalateCoverage";
    public static final String FOLLOW_UP_COVERAGE = "UserTask_FollowUpCoverage";
    public static final String COVERAGE_MET = "EndEvent_CoverageMet";
    public static final String COVERAGE_ESCALATED = "EndEvent_CoverageEscalated";
    public static final String END = "EndEvent_MonthPlanned";

    /**
     * The 1st of every month, 09:00 Shanghai (P1M from 09:00 +08:00 stays on the 1st from UTC−9 to
     * UTC+8).
     */
    public static final String MONTHLY_CYCLE = "R/2026-01-01T09:00:00+08:00/P1M";

    private RoundElements() {}
  }

  /** Flow nodes of coal-quality-sampling.bpmn. */
  public static final class Elements {
    public static final String START = "StartEvent_SellerDrawn";
    public static final String SAMPLE_ON_SITE = "UserTask_SampleOnSite";
    public static final String NOT_SAMPLED = "EndEvent_NotSampled";
    public static final String RECORD_RESULT = "UserTask_RecordResult";
    public static final String DECIDE_CONFORMITY = "BusinessRuleTask_DecideConformity";
    public static final String DELIVER_REPORT = "UserTask_DeliverReport";
    public static final String REPORT_LATE = "BoundaryEvent_ReportLate";
    public static final String ESCALATE_REPORT = "ServiceTask_EscalateReport";
    public static final String FOLLOW_UP_REPORT = "UserTask_FollowUpReport";
    public static final String REPORT_FOLLOWED_UP = "EndEvent_ReportFollowedUp";
    public static final String CONFORMING = "EndEvent_Conforming";
    public static final String DISPOSAL = "SubProcess_Disposal";
    public static final String DISPOSE = "UserTask_DisposeFailure";
    public static final String ROUTE_VIOLATIONS = "BusinessRuleTask_RouteViolations";
    public static final String HANDLE_VIOLATION = "UserTask_HandleViolation";
    public static final String CONFIRM_CLOSURE = "UserTask_ConfirmClosure";
    public static final String DISPOSAL_LATE = "BoundaryEvent_DisposalLate";
    public static final String ESCALATE_DISPOSAL = "ServiceTask_EscalateDisposal";
    public static final String FOLLOW_UP_DISPOSAL = "UserTask_FollowUpDisposal";
    public static final String DISPOSAL_FOLLOWED_UP = "EndEvent_DisposalFollowedUp";
    public static final String LOOP_CLOSED = "EndEvent_LoopClosed";

    private Elements() {}
  }

  /** External task topics; each has one worker class of the same words. */
  public static final class Topics {
    public static final String OPEN_SAMPLING_MONTH = "coal-open-sampling-month";
    public static final String DRAW_SELLERS = "coal-draw-sellers";
    public static final String CHECK_COVERAGE = "coal-check-coverage";

    /** The shared escalation step (docs/escalation.md). */
    public static final String ESCALATE = "fenhe-escalate";

    private Topics() {}
  }

  /** Camunda Forms ids (forms/p4-coal-quality-sampling/, and the shared follow-up form). */
  public static final class Forms {
    public static final String PLAN = "form-p4-plan";
    public static final String SAMPLING = "form-p4-sampling";
    public static final String RESULT = "form-p4-result";
    public static final String REPORT_DELIVERY = "form-p4-report-delivery";
    public static final String DISPOSAL = "form-p4-disposal";
    public static final String VIOLATION_HANDLING = "form-p4-violation-handling";
    public static final String CLOSURE = "form-p4-closure";
    public static final String FOLLOW_UP = "form-escalation-follow-up";

    private Forms() {}
  }

  /** Candidate groups (PROCEDURES.md); county groups are per county. */
  public static final class Groups {
    public static final String MARKET_SUPERVISION_BUREAU = "market-supervision-bureau";
    public static final String COUNTY_MARKET_SUPERVISION = "county-market-supervision";
    public static final String COUNTY_GOVERNMENT = "county-government";
    public static final String ECOLOGY_ENVIRONMENT_BUREAU = "ecology-environment-bureau";
    public static final String PUBLIC_SECURITY_BUREAU = "public-security-bureau";
    public static final String SUPERVISORS = "supervisors";

    private Groups() {}
  }

  /** Process variables. */
  public static final class Variables {
    // --- the round
    /** The month sampled, {@code 2026-11} (given at a manual start, else the clock's month). */
    public static final String SAMPLING_MONTH = "samplingMonth";

    public static final String SAMPLING_MONTH_LABEL = "samplingMonthLabel";
    public static final String MONTH_ENDS_AT = "monthEndsAt";

    /** Optional at a manual start: plan only this county. */
    public static final String ONLY_COUNTY = "onlyCounty";

    public static final String COUNTY = "county";

    /**
     * The county's register at the draw (JSON list: creditCode, sellerName, zone, sampledThisYear).
     */
    public static final String REGISTERED_SELLERS = "registeredSellers";

    public static final String REGISTERED_COUNT = "registeredCount";

    /**
     * The draw's seed (hex); given at a manual start it is used, else drawn at random and recorded.
     */
    public static final String DRAW_SEED = "drawSeed";

    public static final String DRAW_TARGET = "drawTarget";

    /** The credit codes drawn, in draw order (JSON list). */
    public static final String DRAWN_SELLERS = "drawnSellers";

    public static final String DRAWN_COUNT = "drawnCount";
    public static final String DRAW_SUMMARY = "drawSummary";

    /** Credit codes the county adds to the plan (one per line); drawn ones are never removed. */
    public static final String ADDED_SELLERS = "addedSellers";

    public static final String PLANNED_SELLERS = "plannedSellers";
    public static final String PLAN_NOTE = "planNote";
    // the month-end check
    public static final String MONTH_SAMPLED = "monthSampled";
    public static final String YEAR_SAMPLED = "yearSampled";
    public static final String YEAR_REGISTERED = "yearRegistered";
    public static final String COVERAGE_SHORTFALL = "coverageShortfall";
    public static final String COVERAGE_SUMMARY = "coverageSummary";
    public static final String MONTH_COVERAGE_PERCENT = "monthCoveragePercent";
    public static final String YEAR_COVERAGE_PERCENT = "yearCoveragePercent";

    // --- one seller's case
    public static final String SELLER_CREDIT_CODE = "sellerCreditCode";
    public static final String SELLER_NAME = "sellerName";
    public static final String SELLER_KIND_LABEL = "sellerKindLabel";
    public static final String SELLER_ADDRESS = "sellerAddress";
    public static final String ZONE = "zone";
    public static final String ZONE_LABEL = "zoneLabel";
    // sampling on site
    public static final String SAMPLING_OUTCOME = "samplingOutcome";
    public static final String SAMPLED_ON = "sampledOn";
    public static final String COAL_TYPE = "coalType";
    public static final String BATCH_NUMBER = "batchNumber";
    public static final String QUANTITY_TONNES = "quantityTonnes";
    public static final String NOT_POSSIBLE_REASON = "notPossibleReason";
    // the test result (from the lab report)
    public static final String SULPHUR = "sulphur";
    public static final String ASH = "ash";
    public static final String VOLATILES = "volatiles";
    public static final String REPORT_NUMBER = "reportNumber";
    public static final String REPORT_DATE = "reportDate";
    public static final String LAB_NAME = "labName";
    public static final String RESULT_RECORDED_AT = "resultRecordedAt";
    // the decision table's answer
    public static final String CONFORMITY_RESULT = "conformityResult";
    public static final String CONFORMS = "conforms";
    public static final String CLAUSE = "clause";
    public static final String CONFORMITY_LABEL = "conformityLabel";
    // the report delivered to the county government
    public static final String REPORT_DELIVERED_ON = "reportDeliveredOn";
    public static final String DELIVERED_TO = "deliveredTo";
    public static final String REPORT_LATE = "reportLate";
    // disposal (county government) and the handlers
    public static final String VIOLATION_SALE = "violationSale";
    public static final String VIOLATION_STORAGE_OR_BURNING = "violationStorageOrBurning";
    public static final String VIOLATION_WARNING_PERIOD = "violationWarningPeriod";
    public static final String DISPOSAL_FINDINGS = "disposalFindings";
    public static final String VIOLATION_HANDLERS = "violationHandlers";
    public static final String VIOLATION_HANDLER = "violationHandler";
    public static final String HANDLING_MEASURES = "handlingMeasures";
    public static final String HANDLED_ON = "handledOn";
    public static final String HANDLING_LOG = "handlingLog";
    public static final String LOOP_CLOSED = "loopClosed";
    public static final String CLOSURE_OPINION = "closureOpinion";
    public static final String DISPOSAL_LATE = "disposalLate";
    public static final String FOLLOW_UP_NOTE = "followUpNote";

    private Variables() {}
  }

  /** Values of {@link Variables#SAMPLING_OUTCOME} and {@link Variables#VIOLATION_HANDLER}. */
  public static final class Decided {
    public static final String SAMPLED = "SAMPLED";
    public static final String NOT_POSSIBLE = "NOT_POSSIBLE";
    public static final String HANDLER_MARKET_SUPERVISION = "county-market-supervision";
    public static final String HANDLER_ECOLOGY = "ecology-environment-bureau";
    public static final String HANDLER_PUBLIC_SECURITY = "public-security-bureau";

    private Decided() {}
  }
}
