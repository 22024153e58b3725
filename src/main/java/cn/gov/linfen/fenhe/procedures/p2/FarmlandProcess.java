package cn.gov.linfen.fenhe.procedures.p2;

/**
 * The contract of processes/p2-farmland-facility/ (设施农业用地, 临政办发〔2021〕18号): process keys, element
 * ids, variables, messages, topics and forms. Checked against the files by FarmlandModelTest;
 * workers, checks, the platform API and tests import it.
 */
public final class FarmlandProcess {

  public static final String KEY = "farmland-facility-filing";
  public static final String INSPECTION_KEY = "farmland-inspection";

  /**
   * Message of an objection (异议) lodged during the public notice, correlated by the case's business
   * key.
   */
  public static final String OBJECTION_MESSAGE = "farmland-objection";

  private FarmlandProcess() {}

  /** Flow nodes of farmland-facility-filing.bpmn. */
  public static final class Elements {
    public static final String START = "StartEvent_FilingApplied";
    public static final String NEGOTIATE = "UserTask_NegotiateAgreement";
    public static final String POST_NOTICE = "UserTask_PostNotice";
    public static final String OPEN_NOTICE = "ServiceTask_OpenNotice";
    public static final String NOTICE = "SubProcess_Notice";
    public static final String RECORD_OBJECTION = "UserTask_RecordObjection";
    public static final String RECORD_OBJECTION_FROM_FORM = "ServiceTask_RecordObjectionFromForm";
    public static final String NOTICE_ENDED = "BoundaryEvent_NoticeEnded";
    public static final String OBJECTION_LODGED = "StartEvent_ObjectionLodged";
    public static final String RECORD_LODGED_OBJECTION = "ServiceTask_RecordLodgedObjection";
    public static final String HANDLE_OBJECTIONS = "UserTask_HandleObjections";
    public static final String SIGN = "UserTask_SignAgreement";
    public static final String COLLECTIVE_CONFIRMS = "UserTask_CollectiveConfirmsAgreement";
    public static final String REPORT_BASIC_FARMLAND = "UserTask_ReportBasicFarmland";
    public static final String JOINT_COUNTY_REVIEW = "SubProcess_CountyReview";

    /** The county natural resources department's part of the joint review (补划方案, 同意意见). */
    public static final String COUNTY_REVIEW = "UserTask_CountyReview";

    public static final String AGRICULTURE_REVIEW = "UserTask_AgricultureReview";
    public static final String COUNTY_REVIEW_OVERDUE = "BoundaryEvent_CountyReviewOverdue";
    public static final String FLAG_COUNTY_REVIEW_OVERDUE = "ServiceTask_FlagCountyReviewOverdue";
    public static final String FOLLOW_UP_OVERDUE_COUNTY_REVIEW =
        "UserTask_FollowUpOverdueCountyReview";
    public static final String FILE = "UserTask_FileWithTownship";
    public static final String FILING_OVERDUE = "BoundaryEvent_FilingOverdue";
    public static final String FLAG_FILING_OVERDUE = "ServiceTask_FlagFilingOverdue";
    public static final String FOLLOW_UP_OVERDUE_FILING = "UserTask_FollowUpOverdueFiling";
    public static final String INVESTIGATE_UNFILED_LAND_USE = "UserTask_InvestigateUnfiledLandUse";
    public static final String TOWNSHIP_CHECK = "UserTask_TownshipCheck";
    public static final String RECORD_FILING = "ServiceTask_RecordFiling";
    public static final String FORWARD = "UserTask_ForwardToCounty";
    public static final String FORWARDING_OVERDUE = "BoundaryEvent_ForwardingOverdue";
    public static final String FLAG_FORWARDING_OVERDUE = "ServiceTask_FlagForwardingOverdue";
    public static final String FOLLOW_UP_OVERDUE_FORWARDING = "UserTask_FollowUpOverdueForwarding";
    public static final String REGISTER = "UserTask_RegisterInMapDatabase";
    public static final String AGRICULTURE_RECEIPT = "UserTask_AgricultureReceivesFiling";
    public static final String END_REGISTERED = "EndEvent_Registered";
    public static final String END_ABANDONED = "EndEvent_Abandoned";
    public static final String END_REFUSED = "EndEvent_RefusedByCounty";
    public static final String END_OVERDUE_FOLLOWED_UP = "EndEvent_OverdueFollowedUp";
    public static final String END_FORWARDING_FOLLOWED_UP = "EndEvent_ForwardingFollowedUp";
    public static final String END_COUNTY_REVIEW_FOLLOWED_UP = "EndEvent_CountyReviewFollowedUp";
    public static final String END_UNFILED_LAND_USE_INVESTIGATED =
        "EndEvent_UnfiledLandUseInvestigated";

    private Elements() {}
  }

  /** Flow nodes of farmland-inspection.bpmn. */
  public static final class InspectionElements {
    public static final String START = "StartEvent_MonthlyInspection";
    public static final String ROUNDS = "Gateway_InspectionRounds";
    public static final String QUARTER_START = "Gateway_QuarterStart";
    public static final String END_NO_JOINT_INSPECTION = "EndEvent_NoJointInspection";
    public static final String TOWNSHIP_ROUND = "SubProcess_TownshipInspection";
    public static final String COUNTY_ROUND = "SubProcess_CountyInspection";
    public static final String TOWNSHIP_INSPECTION = "UserTask_TownshipInspection";
    public static final String COUNTY_INSPECTION = "UserTask_CountyJointInspection";
    public static final String AGRICULTURE_CONFIRMS_INSPECTION =
        "UserTask_AgricultureConfirmsInspection";
    public static final String YEAR_START = "Gateway_YearStart";
    public static final String YEARLY_DISCLOSURE = "SubProcess_YearlyDisclosure";
    public static final String PUBLISH_FILINGS_AND_LEDGER = "UserTask_PublishFilingsAndLedger";
    public static final String END_NO_YEARLY_DISCLOSURE = "EndEvent_NoYearlyDisclosure";
    public static final String END_YEARLY_DISCLOSURE = "EndEvent_YearlyDisclosureDone";
    public static final String TOWNSHIP_ILLEGAL_LAND_USE = "UserTask_HandleIllegalLandUseTownship";
    public static final String COUNTY_ILLEGAL_LAND_USE = "UserTask_HandleIllegalLandUseCounty";
    public static final String END_MONTHLY = "EndEvent_MonthlyInspectionsDone";
    public static final String END_QUARTERLY = "EndEvent_QuarterlyInspectionsDone";

    private InspectionElements() {}
  }

  /** Process variables (the start variables are the public contract of PROCEDURES.md). */
  public static final class Variables {
    public static final String APPLICANT = "applicant";

    /**
     * Which party applies and files (P2-R16): {@link Decided#OPERATOR} (default) or {@link
     * Decided#COLLECTIVE}.
     */
    public static final String APPLICANT_PARTY = "applicantParty";

    public static final String OPERATOR_NAME = "operatorName";
    public static final String VILLAGE_COLLECTIVE = "villageCollective";
    public static final String COUNTY = "county";
    public static final String TOWNSHIP = "township";
    public static final String VILLAGE = "village";
    public static final String FACILITY_TYPE = "facilityType";
    public static final String AREA_MU = "areaMu";
    public static final String LAND_USE = "landUse";
    public static final String TERM_YEARS = "termYears";
    public static final String USES_PERMANENT_BASIC_FARMLAND = "usesPermanentBasicFarmland";
    public static final String PREVIOUS_FILING_KEY = "previousFilingKey";
    // the agreement's further items (P2-R01)
    public static final String FACILITY_LOCATION = "facilityLocation";
    public static final String RECLAMATION_REQUIREMENTS = "reclamationRequirements";
    public static final String LAND_RETURN = "landReturn";
    public static final String BREACH_LIABILITY = "breachLiability";
    // notice
    public static final String NOTICE_START_DATE = "noticeStartDate";

    /**
     * The notice's length in calendar days: an input of the model's 计算公告期 (at least 10, P2-R02).
     */
    public static final String NOTICE_DAYS = "noticeDays";

    public static final String POSTED_AT_TOWNSHIP = "postedAtTownship";
    public static final String POSTED_ON_VILLAGE_BOARD = "postedOnVillageBoard";
    public static final String NOTICE_ENDS_AT = "noticeEndsAt";
    public static final String NOTICE_ROUND = "noticeRound";
    public static final String NOTICE_PERIOD = "noticePeriod";
    // objections
    public static final String OBJECTIONS = "objections";
    public static final String OPEN_OBJECTIONS = "openObjections";
    public static final String LAST_OBJECTION = "lastObjection";
    public static final String OBJECTOR = "objector";
    public static final String OBJECTION_CONTENT = "objectionContent";
    public static final String OBJECTION_LODGED_AT = "objectionLodgedAt";
    public static final String OBJECTION_CHANNEL = "objectionChannel";
    public static final String OBJECTION_DECISION = "objectionDecision";
    public static final String OBJECTION_HANDLING_OPINION = "objectionHandlingOpinion";
    // signing, review, filing
    public static final String AGREEMENT_NUMBER = "agreementNumber";
    public static final String AGREEMENT_SIGNED = "agreementSigned";
    public static final String AGREEMENT_SIGNED_AT = "agreementSignedAt";
    public static final String COLLECTIVE_CONFIRMED = "collectiveConfirmed";
    public static final String COLLECTIVE_SIGNATORY = "collectiveSignatory";
    public static final String COLLECTIVE_OPINION = "collectiveOpinion";
    public static final String BASIC_FARMLAND_REPORTED_ON = "basicFarmlandReportedOn";
    public static final String BASIC_FARMLAND_REPORT = "basicFarmlandReport";

    /** Both departments passed (P2-R12): set when the joint review ends. */
    public static final String COUNTY_REVIEW_APPROVED = "countyReviewApproved";

    public static final String NATURAL_RESOURCES_REVIEW_APPROVED = "naturalResourcesReviewApproved";
    public static final String NATURAL_RESOURCES_REVIEW_OPINION = "naturalResourcesReviewOpinion";
    public static final String AGRICULTURE_REVIEW_APPROVED = "agricultureReviewApproved";
    public static final String AGRICULTURE_REVIEW_OPINION = "agricultureReviewOpinion";
    public static final String COUNTY_REVIEW_DEADLINE = "countyReviewDeadline";
    public static final String COUNTY_REVIEW_OVERDUE = "countyReviewOverdue";
    public static final String COMPENSATION_PLAN = "compensationPlan";
    public static final String CONSENT_DOCUMENT_NUMBER = "consentDocumentNumber";
    public static final String FILING_DEADLINE = "filingDeadline";
    public static final String FILING_OVERDUE = "filingOverdue";
    // the sign at the site (标识牌, 七, P2-R17)
    public static final String SITE_SIGN_POSTED = "siteSignPosted";
    public static final String REPORTING_TELEPHONE = "reportingTelephone";
    public static final String REPORTING_UNIT = "reportingUnit";
    // not filed in time: illegal land use (P2-R15)
    public static final String ON_SITE_CHECKED_ON = "onSiteCheckedOn";
    public static final String CONSTRUCTION_STARTED = "constructionStarted";
    public static final String TOWNSHIP_CHECK_APPROVED = "townshipCheckApproved";
    public static final String TOWNSHIP_CHECK_OPINION = "townshipCheckOpinion";
    public static final String FILING_NUMBER = "filingNumber";
    public static final String FILED_AT = "filedAt";
    public static final String FILING_RECORD = "filingRecord";
    public static final String FILED_ON_TIME = "filedOnTime";
    public static final String CONSTRUCTION_PERMITTED = "constructionPermitted";
    public static final String FORWARDED_ON = "forwardedOn";
    public static final String FORWARDED_TO_NATURAL_RESOURCES = "forwardedToNaturalResources";
    public static final String FORWARDED_TO_AGRICULTURE = "forwardedToAgriculture";
    public static final String AGRICULTURE_RECEIVED_ON = "agricultureReceivedOn";
    public static final String AGRICULTURE_LEDGER_ENTERED = "agricultureLedgerEntered";
    public static final String MAP_REGISTRATION_NUMBER = "mapRegistrationNumber";
    // inspections
    public static final String INSPECTION_UNIT = "inspectionUnit";
    public static final String INSPECTION_DATE = "inspectionDate";
    public static final String INSPECTORS = "inspectors";
    public static final String INSPECTION_FINDINGS = "inspectionFindings";
    public static final String INSPECTION_SIGNED = "inspectionSigned";
    public static final String VIOLATION_FOUND = "violationFound";
    public static final String VIOLATION_DESCRIPTION = "violationDescription";
    public static final String INVESTIGATION_RESULT = "investigationResult";
    // the joint inspection confirmed by the agriculture department (P2-R12)
    public static final String AGRICULTURE_INSPECTORS = "agricultureInspectors";
    public static final String INSPECTION_CONFIRMED = "inspectionConfirmed";
    public static final String CONFIRMATION_OPINION = "confirmationOpinion";
    // yearly publication of filings and ledger (七, P2-R17)
    public static final String DISCLOSURE_YEAR = "disclosureYear";
    public static final String FILINGS_OF_YEAR = "filingsOfYear";
    public static final String FILINGS_OF_YEAR_LIST = "filingsOfYearList";
    public static final String PUBLISHED_ON = "publishedOn";
    public static final String PUBLICATION_CHANNEL = "publicationChannel";
    public static final String FILINGS_PUBLISHED = "filingsPublished";
    public static final String LEDGER_PUBLISHED = "ledgerPublished";

    private Variables() {}
  }

  /** Values decided in forms. */
  public static final class Decided {
    public static final String RENEGOTIATE = "RENEGOTIATE";
    public static final String ABANDON = "ABANDON";
    public static final String CHANNEL_FORM = "FORM";
    public static final String CHANNEL_MESSAGE = "MESSAGE";
    public static final String OPERATOR = "OPERATOR";
    public static final String COLLECTIVE = "COLLECTIVE";

    private Decided() {}
  }

  /** External task topics (one worker each). */
  public static final class Topics {
    public static final String OPEN_NOTICE = "p2-open-notice";
    public static final String RECORD_OBJECTION = "p2-record-objection";
    public static final String RECORD_FILING = "p2-record-filing";
    public static final String ESCALATE = "fenhe-escalate";

    private Topics() {}
  }

  /** Roles (group ids; county-scoped ones become {@code <role>-<county code>} on the case). */
  public static final class Groups {
    public static final String OPERATOR = "farmland-operator";
    public static final String VILLAGE_COMMITTEE = "village-committee";
    public static final String TOWNSHIP_GOVERNMENT = "township-government";
    public static final String COUNTY_NATURAL_RESOURCES = "county-natural-resources";
    public static final String COUNTY_AGRICULTURE = "county-agriculture";

    private Groups() {}
  }

  /** Form ids (forms/p2-farmland-facility/). */
  public static final class Forms {
    public static final String APPLICATION = "form-p2-application";
    public static final String AGREEMENT = "form-p2-agreement";
    public static final String NOTICE_POSTING = "form-p2-notice-posting";
    public static final String OBJECTION_RECORD = "form-p2-objection-record";
    public static final String OBJECTION_HANDLING = "form-p2-objection-handling";
    public static final String SIGNING = "form-p2-signing";
    public static final String COUNTY_REVIEW = "form-p2-county-review";
    public static final String FILING = "form-p2-filing";
    public static final String TOWNSHIP_CHECK = "form-p2-township-check";
    public static final String FORWARDING = "form-p2-forwarding";
    public static final String REGISTRATION = "form-p2-registration";
    public static final String INSPECTION_RECORD = "form-p2-inspection-record";
    public static final String ILLEGAL_LAND_USE = "form-p2-illegal-land-use";
    public static final String COLLECTIVE_CONFIRMATION = "form-p2-collective-confirmation";
    public static final String BASIC_FARMLAND_REPORT = "form-p2-basic-farmland-report";
    public static final String AGRICULTURE_REVIEW = "form-p2-agriculture-review";
    public static final String UNFILED_LAND_USE = "form-p2-unfiled-land-use";
    public static final String AGRICULTURE_RECEIPT = "form-p2-agriculture-receipt";
    public static final String INSPECTION_CONFIRMATION = "form-p2-inspection-confirmation";
    public static final String YEARLY_DISCLOSURE = "form-p2-yearly-disclosure";
    public static final String ESCALATION_FOLLOW_UP = "form-escalation-follow-up";

    private Forms() {}
  }
}
