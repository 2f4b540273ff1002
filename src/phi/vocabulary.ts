import type { DataClass, Severity } from './types.js';

/**
 * The PHI/PII vocabulary, as data. Every entry is a whole word or a phrase of whole words
 * (space-separated, singular); the classifier never matches substrings.
 *
 * Sources the clinical lists were written from (element and column names read, then
 * generalised into words; nothing is copied): FHIR R4 resources (Patient, Observation,
 * Condition, MedicationRequest, MedicationStatement, AllergyIntolerance, Encounter, Procedure,
 * Immunization, DiagnosticReport, CarePlan, Coverage, Claim, ExplanationOfBenefit,
 * FamilyMemberHistory), OMOP CDM v5.4 tables, the Synthea CSV data dictionary, MIMIC-IV
 * hosp/icu and eICU table columns, common LOINC short names, mental-health screening
 * instruments, and wearable/wellness app fields. The identifier lists follow HIPAA Safe
 * Harbor (45 CFR 164.514(b)(2)) and GDPR Art. 9; see shared/reference/phi.md §1.
 */

/**
 * - `clinical`: health content (PHI).
 * - `identifier`: a direct identifier (Safe Harbor A–R).
 * - `quasi`: a quasi-identifier; only about people, so only in person or health tables.
 * - `special`: GDPR Art. 9 categories other than health.
 * - `credential`: secrets.
 * - `container`: free text, media, embeddings and blobs; sensitive only in a table about a person's health.
 * - `blocker`: a phrase whose words look sensitive but are not (`pain point`, `health check`).
 */
export type TermKind = 'clinical' | 'identifier' | 'quasi' | 'special' | 'credential' | 'container' | 'blocker';

/**
 * When a term may fire:
 * - `always`: wherever it appears (clinical "sticky" words, direct identifiers);
 * - `linked`: in a table that is about a person (person table, person-linked, or health table);
 * - `person`: in a person table or a health table, or next to a clinical modifier (`body_weight`);
 * - `health`: in a health table, or next to a clinical modifier (`test_result` needs `lab_`).
 */
export type Requirement = 'always' | 'linked' | 'person' | 'health';

export type ContainerMedia = 'text' | 'audio' | 'image' | 'embedding' | 'opaque' | 'value';

export interface TermGroup {
  readonly kind: TermKind;
  readonly dataClass: DataClass;
  readonly category: string;
  readonly severity: Severity;
  readonly requires: Requirement;
  /** Containers only: what the column holds. */
  readonly media?: ContainerMedia;
  /** Contact data (email, phone, address): an organisation's own contact details are not personal. */
  readonly contact?: boolean;
  readonly terms: readonly string[];
}

const phi = (
  category: string,
  severity: Severity,
  requires: Requirement,
  terms: readonly string[],
): TermGroup => ({ kind: 'clinical', dataClass: 'phi', category, severity, requires, terms });

const id = (
  category: string,
  severity: Severity,
  requires: Requirement,
  terms: readonly string[],
  contact = false,
): TermGroup => ({ kind: 'identifier', dataClass: 'pii', category, severity, requires, terms, contact });

const quasi = (category: string, severity: Severity, terms: readonly string[]): TermGroup => ({
  kind: 'quasi',
  dataClass: 'pii',
  category,
  severity,
  requires: 'person',
  terms,
});

const special = (category: string, severity: Severity, requires: Requirement, terms: readonly string[]): TermGroup => ({
  kind: 'special',
  dataClass: 'special',
  category,
  severity,
  requires,
  terms,
});

const credential = (category: string, severity: Severity, requires: Requirement, terms: readonly string[]): TermGroup => ({
  kind: 'credential',
  dataClass: 'credential',
  category,
  severity,
  requires,
  terms,
});

const container = (media: ContainerMedia, category: string, severity: Severity, terms: readonly string[]): TermGroup => ({
  kind: 'container',
  dataClass: 'phi',
  category,
  severity,
  requires: 'linked',
  media,
  terms,
});

const blocker = (terms: readonly string[]): TermGroup => ({
  kind: 'blocker',
  dataClass: 'none',
  category: 'none',
  severity: 'low',
  requires: 'always',
  terms,
});

export const TERM_GROUPS: readonly TermGroup[] = [
  // ── PHI: diagnoses and conditions (FHIR Condition, OMOP condition_occurrence, Synthea conditions) ──
  phi('phi.diagnosis', 'high', 'always', [
    'diagnosis', 'dx', 'diag', 'icd', 'icd9', 'icd10', 'snomed', 'drg', 'comorbidity', 'comorbid',
    'disease', 'disorder', 'illness', 'ailment', 'syndrome', 'prognosis', 'etiology', 'aetiology',
    'problem list', 'reason description', 'reason code', 'reason for visit', 'visit reason',
    'admitting diagnosis', 'cause of death', 'differential diagnosis',
  ]),
  phi('phi.diagnosis', 'critical', 'always', [
    'cancer', 'tumor', 'tumour', 'neoplasm', 'malignancy', 'malignant', 'metastasis', 'metastatic',
    'carcinoma', 'lymphoma', 'leukemia', 'leukaemia', 'melanoma', 'sarcoma', 'myeloma', 'oncology',
    'oncologic', 'staging', 'cancer stage', 'tnm',
  ]),
  phi('phi.condition', 'high', 'always', [
    'asthma', 'copd', 'emphysema', 'bronchitis', 'pneumonia', 'tuberculosis', 'covid', 'influenza',
    'diabetes', 'diabetic', 'prediabetes', 'prediabetic', 'hypertension', 'hypertensive', 'hypotension',
    'hyperlipidemia', 'hypothyroidism', 'hyperthyroidism', 'obesity', 'obese', 'anemia', 'anaemia',
    'arrhythmia', 'afib', 'atrial fibrillation', 'angina', 'infarction', 'heart failure', 'chf',
    'cardiomyopathy', 'aneurysm', 'dementia', 'alzheimer', 'parkinson', 'epilepsy', 'epileptic', 'seizure',
    'migraine', 'sclerosis', 'lupus', 'arthritis', 'rheumatoid', 'osteoarthritis', 'osteoporosis', 'gout',
    'fibromyalgia', 'crohn', 'colitis', 'celiac', 'coeliac', 'gerd', 'cirrhosis', 'ckd', 'esrd',
    'kidney disease', 'renal failure', 'hemophilia', 'sickle cell', 'thalassemia', 'glaucoma', 'cataract',
    'retinopathy', 'neuropathy', 'nephropathy', 'eczema', 'psoriasis', 'dermatitis', 'acne', 'sepsis',
    'infection', 'infectious', 'immunocompromised', 'immunodeficiency', 'immunosuppressed', 'edema',
    'lymphedema', 'wound', 'injury', 'fracture', 'lesion', 'ulcer', 'concussion', 'amputation',
    'paralysis', 'disability', 'blindness', 'deafness', 'hearing loss',
    'incontinence', 'sleep apnea', 'apnea', 'narcolepsy', 'medical condition', 'health condition',
    'chronic condition', 'pre existing condition', 'preexisting condition', 'medical history',
    'health history', 'past medical history', 'surgical history', 'pasthistory',
    'endometriosis', 'pcos', 'erectile dysfunction', 'vital status', 'functional status', 'frailty',
    'pressure ulcer', 'stroke history', 'autism', 'adhd', 'dyslexia',
  ]),
  phi('phi.condition', 'critical', 'always', [
    'hiv', 'syphilis', 'gonorrhea', 'chlamydia', 'herpes', 'hpv', 'std test', 'sti test',
    'hepatitis', 'viral load', 'cd4', 'substance use', 'substance abuse', 'drug use', 'drug abuse',
    'addiction', 'alcoholism', 'overdose', 'sobriety', 'relapse', 'opioid use', 'mode of transmission',
  ]),
  phi('phi.condition', 'high', 'person', [
    'stroke', 'burn', 'scar', 'bruise', 'pregnancy test', 'hearing aid', 'wheelchair', 'mobility aid',
    'assistive device', 'prosthetic', 'walking aid', 'service animal',
  ]),
  phi('phi.condition', 'high', 'health', [
    'condition', 'history', 'problem', 'risk', 'severity', 'transmission', 'clinical status', 'health status',
    'verification status', 'abatement', 'remission', 'disposition', 'outcome', 'prognostic', 'finding', 'observation', 'measurement', 'anatomic site', 'body site', 'laterality', 'triage',
    'acuity', 'mortality', 'morbidity', 'complication', 'cause', 'reason', 'apache', 'sofa score', 'gcs', 'body part',
    'body area', 'body location', 'body region', 'bodysite', 'exam', 'examination', 'ros', 'review of system',
  ]),
  phi('phi.reproductive', 'high', 'always', [
    'pregnant', 'pregnancy', 'gestational', 'gestation', 'trimester', 'miscarriage', 'abortion',
    'stillbirth', 'fertility', 'infertility', 'ivf', 'menopause', 'perimenopause', 'menstrual',
    'menstruation', 'ovulation', 'contraception', 'contraceptive', 'birth control', 'prenatal', 'antenatal',
    'postpartum', 'postnatal', 'lactation', 'breastfeeding', 'lmp', 'last menstrual period', 'cervical mucus',
    'basal body temperature', 'libido', 'gravida', 'obstetric',
  ]),
  phi('phi.reproductive', 'high', 'health', [
    'cycle length', 'cycle day', 'cycle phase', 'fertile', 'spotting', 'parity', 'last period', 'period start',
    'period end', 'period length', 'period day', 'period flow', 'cervical fluid', 'sex had', 'ovulation test',
  ]),
  phi('phi.outcome', 'high', 'always', ['hospital expire', 'expire flag', 'deceased', 'death cause']),

  // ── PHI: symptoms (FHIR Observation/Condition, app symptom logs) ──
  phi('phi.symptom', 'high', 'always', [
    'symptom', 'symptomatic', 'asymptomatic', 'pain', 'ache', 'headache', 'fatigue', 'tiredness', 'nausea',
    'vomiting', 'dizziness', 'vertigo', 'fever', 'cough', 'rash', 'itching', 'itch', 'swelling', 'bleeding',
    'cramp', 'cramping', 'insomnia', 'dyspnea', 'dyspnoea', 'breathlessness', 'shortness of breath', 'hpi', 'history of present illness', 'physical exam',
    'physical examination',
    'palpitation', 'tremor', 'numbness', 'tingling', 'spasm', 'constipation', 'diarrhea', 'diarrhoea',
    'bloating', 'heartburn', 'indigestion', 'malaise', 'night sweat', 'sore throat', 'wheezing',
    'chief complaint', 'presenting complaint', 'onset', 'flareup', 'flare up', 'side effect',
    'adverse event', 'adverse reaction', 'pain score', 'pain scale', 'pain level',
  ]),
  phi('phi.symptom', 'high', 'health', [
    'complaint', 'intensity', 'trigger', 'appetite', 'weakness', 'congestion', 'discharge', 'sensation',
    'discomfort', 'flare', 'chill',
  ]),

  // ── PHI: allergies (FHIR AllergyIntolerance, Synthea allergies) ──
  phi('phi.allergy', 'high', 'always', [
    'allergy', 'allergic', 'allergen', 'anaphylaxis', 'anaphylactic', 'intolerance', 'hypersensitivity',
    'drug allergy', 'food allergy',
  ]),
  phi('phi.allergy', 'high', 'health', ['reaction', 'criticality', 'manifestation', 'substance', 'exposure route']),

  // ── PHI: medications (FHIR MedicationRequest/Statement/Dispense, OMOP drug_exposure, MIMIC prescriptions/emar) ──
  phi('phi.medication', 'high', 'always', [
    'medication', 'med', 'medicine', 'drug', 'rx', 'prescription', 'prescribed', 'dosage', 'dose', 'dosing',
    'posology', 'pill', 'capsule', 'injection', 'infusion', 'insulin', 'ndc', 'rxnorm', 'rxcui', 'atc',
    'formulary', 'dispense', 'dispensed', 'dispensing', 'dispensation', 'refill', 'adherence',
    'days supply', 'dose val rx', 'dose unit rx', 'prod strength', 'antibiotic', 'antidepressant',
    'antipsychotic', 'analgesic', 'opioid', 'statin', 'ssri', 'snri', 'benzodiazepine', 'anticoagulant',
    'inhaler', 'nebulizer', 'titration', 'emar', 'glp', 'semaglutide', 'tirzepatide', 'liraglutide',
    'dulaglutide', 'ozempic', 'wegovy', 'mounjaro', 'metformin', 'lisinopril', 'atorvastatin',
    'simvastatin', 'amlodipine', 'levothyroxine', 'omeprazole', 'metoprolol', 'losartan', 'albuterol',
    'gabapentin', 'sertraline', 'fluoxetine', 'escitalopram', 'citalopram', 'bupropion', 'trazodone',
    'alprazolam', 'lorazepam', 'clonazepam', 'diazepam', 'zolpidem', 'oxycodone', 'hydrocodone', 'morphine',
    'fentanyl', 'tramadol', 'buprenorphine', 'methadone', 'naloxone', 'naltrexone', 'ibuprofen',
    'acetaminophen', 'paracetamol', 'warfarin', 'apixaban', 'rivaroxaban', 'clopidogrel', 'prednisone',
    'methotrexate', 'adalimumab', 'quetiapine', 'aripiprazole', 'risperidone', 'olanzapine', 'lamotrigine',
    'levetiracetam', 'topiramate', 'montelukast', 'amoxicillin', 'azithromycin', 'doxycycline',
    'tamoxifen', 'letrozole', 'adderall', 'methylphenidate', 'missed dose', 'pill time', 'drug exposure',
    'drug era', 'dose era', 'glp1',
  ]),
  phi('phi.medication', 'critical', 'always', ['arv', 'antiretroviral', 'truvada', 'prep medication', 'hormone therapy']),
  phi('phi.medication', 'medium', 'health', [
    'route', 'frequency', 'strength', 'quantity dispensed', 'supply', 'tablet', 'unit dose',
    'taken', 'intake', 'regimen', 'brand name', 'generic name', 'sig',
  ]),
  phi('phi.medication', 'medium', 'person', ['supplement', 'vitamin', 'aspirin', 'lithium']),

  // ── PHI: vitals (FHIR vital-signs profile, MIMIC chartevents, wearables) ──
  phi('phi.vitals', 'high', 'always', [
    'vital', 'vital sign', 'blood pressure', 'systolic', 'diastolic', 'heart rate',
    'heartrate', 'resting heart rate', 'hrv', 'heart rate variability', 'spo2', 'sao2', 'o2 sat',
    'oxygen saturation', 'respiratory rate', 'respiration rate', 'body temperature', 'body weight',
    'body height', 'bmi', 'body mass index', 'body fat', 'muscle mass', 'bone density', 'vo2max', 'vo2',
    'head circumference', 'waist circumference', 'birth weight', 'patient weight', 'patientweight',
    'bp systolic', 'bp diastolic', 'pulse rate', 'basal temperature', 'skin temperature', 'resting hr',
    'etco2', 'cvp', 'mmhg',
  ]),
  phi('phi.vitals', 'medium', 'person', ['weight', 'height', 'pulse', 'temperature', 'waist', 'bpm', 'oxygen', 'bp', 'sbp', 'dbp']),
  phi('phi.vitals', 'medium', 'health', ['temp', 'saturation', 'circumference', 'respiration', 'reading', 'rate']),

  // ── PHI: labs, imaging, genetics (LOINC short names, FHIR DiagnosticReport, MIMIC labevents) ──
  phi('phi.lab', 'high', 'always', [
    'lab', 'laboratory', 'lab result', 'lab test', 'lab value', 'hba1c', 'a1c', 'glycated', 'ldl', 'hdl',
    'cholesterol', 'triglyceride', 'creatinine', 'egfr', 'gfr', 'bun', 'albumin', 'bilirubin',
    'alkaline phosphatase', 'hemoglobin', 'haemoglobin', 'hgb', 'hematocrit', 'platelet', 'wbc', 'rbc',
    'neutrophil', 'lymphocyte', 'tsh', 'potassium', 'ferritin', 'troponin', 'bnp', 'crp', 'lipid', 'lipase', 'cortisol', 'testosterone', 'estradiol', 'progesterone', 'hcg', 'glucose',
    'blood glucose', 'blood sugar', 'fasting glucose', 'uric acid', 'urinalysis', 'urine', 'stool', 'sputum',
    'biopsy', 'pathology', 'histology', 'cytology', 'microbiology', 'antibody', 'antigen', 'pcr',
    'serology', 'titer', 'loinc', 'blood type', 'blood group', 'rh factor', 'radiology', 'xray',
    'mri', 'ultrasound', 'sonogram', 'mammogram', 'mammography', 'ecg', 'ekg', 'eeg', 'echocardiogram',
    'dicom', 'spirometry', 'audiogram', 'colonoscopy', 'endoscopy', 'labevent', 'chartevent',
    'covid test', 'hiv test', 'drug test', 'blood test', 'value as number', 'value as concept',
    'valuenum', 'ref range', 'blood',
  ]),
  phi('phi.lab', 'high', 'health', [
    'result', 'test', 'test name', 'test result', 'specimen', 'culture', 'organism', 'susceptibility', 'interpretation',
    'conclusion', 'imaging', 'scan', 'modality', 'panel', 'assay', 'sodium', 'calcium', 'iron', 'marker',
    'abnormal', 'value quantity', 'result value', 'result name', 'flag abnormal', 'sample', 'inr', 'psa',
    'esr', 'impairment', 'handicap', 'std', 'sti', 'hcc', 'gds', 'pcl',
  ]),
  phi('phi.genetic', 'critical', 'always', [
    'genotype', 'phenotype', 'genome', 'genomic', 'genetic', 'dna', 'allele', 'brca', 'chromosome',
    'karyotype', 'hereditary', 'gene mutation', 'genetic variant', 'carrier status', 'family history',
    'familyhistory', 'polygenic',
  ]),
  phi('phi.genetic', 'high', 'health', ['mutation', 'variant', 'gene']),

  // ── PHI: mental health (PHQ-9, GAD-7, EPDS, AUDIT-C, C-SSRS, PCL-5, DASS, ...) ──
  phi('phi.mental_health', 'high', 'always', [
    'mood', 'anxiety', 'anxious', 'depression', 'depressive', 'depressed', 'emotion', 'emotional',
    'psychiatric', 'psychiatry', 'psychological', 'mental health', 'mental state', 'mental status',
    'ptsd', 'trauma', 'bipolar', 'schizophrenia', 'psychosis', 'psychotic', 'ocd', 'eating disorder',
    'anorexia', 'bulimia', 'panic', 'phobia', 'grief', 'loneliness', 'lonely', 'phq', 'gad', 'epds',
    'edinburgh score', 'audit c', 'cssrs', 'pcl5', 'dass', 'dass21', 'k10', 'mmse', 'hads', 'bdi', 'madrs',
    'who5', 'wemwbs', 'psqi', 'craving', 'irritability', 'social interaction', 'feeling', 'counseling',
    'counselling', 'burnout',
  ]),
  phi('phi.mental_health', 'critical', 'always', [
    'suicidal', 'suicide', 'self harm', 'selfharm', 'ideation', 'suicide risk', 'suicidal ideation',
    'self injury', 'safety plan', 'crisis plan', 'reason for living', 'sober', 'sobriety date', 'clean date',
    'days sober', 'days clean',
  ]),
  phi('phi.mental_health', 'medium', 'person', ['stress', 'wellbeing', 'well being', 'anger', 'sadness', 'happiness']),
  phi('phi.mental_health', 'medium', 'health', [
    'warning sign', 'coping', 'coping strategy', 'coping skill', 'distraction', 'support person', 'cognitive', 'cognition', 'resilience', 'mindfulness', 'meditation', 'edinburgh', 'moca', 'sentiment',
  ]),

  // ── PHI: psychotherapy notes (45 CFR 164.501) ──
  phi('phi.psychotherapy', 'critical', 'always', [
    'psychotherapy', 'psychotherapy note', 'therapy note', 'therapy session note', 'session transcript',
    'counseling note', 'counselling note',
  ]),

  // ── PHI: wellness reported in a health app (GDPR "data concerning health") ──
  phi('phi.wellness', 'medium', 'always', [
    'smoking', 'smoker', 'smoking status', 'sleep apnea score', 'sleep quality', 'sleep duration',
    'sleep hour', 'deep sleep', 'rem sleep', 'sleep stage', 'sleep score', 'physical activity',
    'exercise minute', 'alcohol use', 'alcohol unit', 'alcohol consumption', 'drinks per week',
    'water intake', 'calorie intake', 'snoring',
  ]),
  phi('phi.wellness', 'medium', 'person', [
    'sleep', 'bedtime', 'exercise', 'diet', 'dietary', 'alcohol', 'drinking', 'tobacco', 'cigarette',
    'vaping', 'nicotine', 'caffeine', 'cannabis', 'marijuana', 'fitness level', 'activity level',
  ]),
  phi('phi.wellness', 'low', 'health', [
    'energy', 'workout', 'nutrition', 'meal', 'food', 'calorie', 'fat', 'sugar', 'hydration', 'fasting', 'step count',
    'daily step', 'step goal', 'step', 'active minute', 'nap', 'wake time', 'fitness', 'macro', 'protein', 'carb',
    'carbohydrate', 'fiber', 'hunger', 'craving level',
  ]),

  // ── PHI: treatment, procedures, care (FHIR Procedure/CarePlan/Immunization, OMOP procedure_occurrence) ──
  phi('phi.treatment', 'high', 'always', [
    'therapy', 'chemotherapy', 'chemo', 'radiotherapy', 'immunotherapy', 'surgery', 'surgical',
    'transplant', 'dialysis', 'rehabilitation', 'rehab', 'physiotherapy', 'physical therapy',
    'occupational therapy', 'catheter', 'ventilator', 'intubation', 'prosthesis', 'pacemaker', 'stent',
    'anesthesia', 'anaesthesia', 'sedation', 'resuscitation', 'cpr', 'dnr', 'dnr status',
    'advance directive', 'care plan', 'careplan', 'hospice', 'palliative', 'hospitalization',
    'hospitalisation', 'hospitalized', 'inpatient', 'outpatient', 'icu', 'icustay', 'readmission',
    'procedure code', 'cpt', 'hcpcs', 'vaccination', 'immunization', 'immunisation', 'vaccine',
    'vaccinated', 'treatment plan', 'treatment start', 'specialist referral', 'primary care',
    'general practitioner', 'pcp', 'careunit', 'care unit', 'transfusion', 'wound care',
  ]),
  phi('phi.treatment', 'high', 'person', ['treatment', 'radiation', 'booster', 'implant']),
  phi('phi.treatment', 'high', 'health', [
    'procedure', 'intervention', 'care', 'referral', 'encounter', 'admission', 'consultation', 'followup',
    'follow up', 'operation', 'ventilation', 'los', 'length of stay', 'physician', 'doctor', 'nurse', 'therapist', 'psychiatrist', 'psychologist', 'counselor',
    'counsellor', 'clinician', 'specialist', 'surgeon', 'attending', 'attending physician', 'prescriber',
    'practitioner', 'caregiver', 'admission type', 'admission location', 'discharge location',
    'discharge disposition', 'encounter class', 'encounterclass', 'visit type', 'admit source',
  ]),

  // ── PHI: payment for care (160.103 "payment for the provision of health care") ──
  phi('phi.payment', 'medium', 'always', [
    'insurance', 'insurer', 'healthcare', 'health insurance', 'copay', 'copayment', 'coinsurance', 'eob',
    'medicaid', 'medicare', 'healthcare expense', 'healthcare coverage', 'insurance provider',
    'insurance plan', 'insurance company', 'payer coverage', 'paid patient copay',
  ]),
  phi('phi.payment', 'medium', 'person', ['deductible', 'insured']),
  phi('phi.payment', 'medium', 'health', [
    'payer', 'payor', 'coverage', 'claim', 'billed', 'reimbursement', 'cost', 'charge', 'paid', 'expense',
    'amount', 'price', 'billing code', 'outstanding',
  ]),

  // ── Direct identifiers (HIPAA Safe Harbor A–R) ──
  id('id.name', 'high', 'always', [
    'firstname', 'lastname', 'surname', 'fullname', 'fname', 'lname', 'mname', 'givenname', 'familyname',
    'maidenname', 'nickname', 'nick name', 'first name', 'last name', 'middle name', 'full name',
    'given name', 'family name', 'maiden name', 'legal name', 'preferred name', 'birth name',
    'mother maiden name', 'fio', 'nombre', 'apellido', 'nome', 'cognome', 'vorname', 'nachname', 'prenom',
    'emergency contact', 'next of kin', 'kin', 'guardian', 'guardian name', 'spouse name', 'f name',
    'l name', 'fl nm', 'first nm', 'last nm', 'patient name', 'pt name', 'person name', 'member name',
    'customer name', 'contact name', 'maiden', 'middle initial', 'first initial', 'last initial', 'initials',
  ]),
  id('id.email', 'high', 'always', ['email', 'email address', 'mail', 'emailaddress'], true),
  id('id.phone', 'high', 'always', [
    'phone', 'telephone', 'cellphone', 'phone number', 'phonenumber', 'contact number', 'mobile number',
    'cell number', 'cell phone', 'mobile phone', 'home phone', 'work phone', 'msisdn', 'telecom',
    'whatsapp number', 'to number', 'from number', 'caller number', 'callee number', 'recipient number',
    'sender number', 'callback number', 'sms number', 'caller id',
  ], true),
  id('id.phone', 'medium', 'person', ['mobile', 'cell', 'alternate number', 'alt number', 'home number', 'whatsapp'], true),
  id('id.fax', 'medium', 'always', ['fax', 'fax number'], true),
  id('id.geo', 'high', 'always', [
    'street address', 'streetaddress', 'home address', 'mailing address', 'residential address',
    'shipping address', 'billing address', 'delivery address', 'permanent address', 'postal address',
    'physical address', 'current address', 'address line', 'birthplace', 'birth place', 'place of birth',
    'city of birth', 'geolocation', 'geohash', 'gps location', 'gps coordinate',
  ]),
  id('id.geo', 'medium', 'linked', [
    'address', 'addr', 'street', 'city', 'town', 'county', 'zip', 'zipcode', 'zip code', 'postcode',
    'postal', 'postal code', 'precinct', 'fips', 'suburb', 'neighborhood', 'neighbourhood', 'borough',
    'lat', 'lon', 'lng', 'latitude', 'longitude', 'coordinate', 'geo', 'geopoint', 'zip5', 'zip4',
    'house number', 'street number', 'apartment', 'apartment number', 'flat number', 'address number',
  ], true),
  id('id.geo', 'medium', 'person', ['location', 'district', 'home location', 'current location', 'residence']),
  id('id.date.birth', 'high', 'always', [
    'dob', 'birthdate', 'birthday', 'date of birth', 'birth date', 'birth datetime', 'birth time',
    'day of birth', 'month of birth', 'dateofbirth',
  ]),
  id('id.date.death', 'high', 'always', ['dod', 'deathdate', 'deathtime', 'date of death', 'death date', 'deceased date']),
  id('id.date.service', 'medium', 'always', ['last visit', 'last visit date', 'service date', 'visit date']),
  id('id.national', 'critical', 'always', [
    'ssn', 'social security', 'social security number', 'social insurance number', 'national id',
    'national identifier', 'national identity', 'national insurance number', 'national number', 'nino',
    'tax id', 'tax identification number', 'taxpayer id', 'itin', 'aadhaar', 'aadhar', 'pesel', 'cpf', 'curp',
    'nric', 'snils', 'personnummer', 'codice fiscale', 'id card', 'id card number', 'identity card',
    'identity number', 'id number', 'identification number', 'identity document', 'id document',
    'government id',
  ]),
  id('id.national', 'critical', 'person', ['sin', 'nin', 'tin', 'bsn', 'dni', 'nie']),
  id('id.mrn', 'high', 'always', [
    'mrn', 'medical record number', 'medical record no', 'medical record', 'chart number', 'patient number',
    'patient no', 'hospital number', 'health record number', 'ur number', 'emr number', 'ehr number',
  ]),
  id('id.health_plan', 'high', 'always', [
    'mbi', 'hicn', 'medicare number', 'medicare id', 'medicare beneficiary id', 'medicare beneficiary identifier',
    'medicaid number', 'medicaid id', 'member number', 'insurance member id', 'insurance id', 'insurance number',
    'insurance policy number', 'policy number', 'subscriber id', 'subscriber number', 'health plan id',
    'health plan number', 'plan member id', 'beneficiary id', 'beneficiary number', 'nhs number', 'nhs no',
    'chi number', 'ehic', 'kvnr', 'oms policy', 'health card number', 'health insurance number', 'ohip',
    'carte vitale', 'insurance card number', 'policy holder id',
  ]),
  id('id.health_plan', 'medium', 'health', ['group number', 'member id']),
  id('id.health_plan', 'high', 'person', ['phn', 'msp number']),
  id('id.account', 'high', 'always', [
    'account number', 'bank account', 'bank account number', 'iban', 'card number', 'credit card',
    'credit card number', 'debit card', 'debit card number', 'card pan', 'bank details', 'card last',
  ]),
  id('id.license', 'high', 'always', [
    'passport', 'passport number', 'passport no', 'drivers license', 'driver license', 'driving licence',
    'driving license', 'driver licence', 'license number', 'licence number', 'dl number', 'npi',
    'dea number', 'medical license', 'license no',
  ]),
  id('id.vehicle', 'medium', 'always', ['license plate', 'licence plate', 'plate number', 'number plate', 'vin', 'vehicle registration']),
  id('id.device', 'medium', 'always', [
    'device id', 'device identifier', 'device serial', 'device serial number', 'udi', 'unique device id',
    'imei', 'imsi', 'meid', 'mac address', 'idfa', 'idfv', 'gaid', 'advertising id', 'ad id', 'android id',
    'udid', 'push token', 'fcm token', 'apns token', 'device token', 'expo push token', 'gcm token',
    'browser fingerprint', 'device fingerprint', 'hardware id',
  ]),
  id('id.device', 'medium', 'health', ['serial number']),
  id('id.device', 'low', 'always', ['user agent', 'useragent']),
  id('id.ip', 'medium', 'always', [
    'ip', 'ip address', 'ipaddress', 'ipv4', 'ipv6', 'remote ip', 'client ip', 'remote addr', 'x forwarded for',
    'last login ip', 'login ip', 'signup ip',
  ]),
  id('id.url', 'medium', 'always', [
    'profile url', 'social media url', 'social url', 'personal website', 'linkedin url', 'facebook url',
    'twitter url', 'instagram url', 'github url', 'tiktok url', 'social profile',
  ], true),
  id('id.url', 'medium', 'person', ['website', 'homepage', 'linkedin', 'facebook', 'instagram', 'tiktok'], true),
  id('id.online', 'medium', 'always', [
    'username', 'user name', 'login name', 'screen name', 'twitter handle', 'instagram handle',
    'telegram handle', 'social handle', 'github username', 'skype', 'telegram username',
  ]),
  id('id.online', 'medium', 'person', ['handle', 'display name', 'displayname']),
  id('id.photo', 'high', 'always', [
    'selfie', 'headshot', 'portrait', 'profile picture', 'profile photo', 'profile image', 'profile pic',
    'face photo', 'id photo', 'passport photo',
  ]),
  id('id.other', 'medium', 'always', [
    'external id', 'external identifier', 'patient id number', 'person source value', 'patient source value',
    'provider source value', 'member source value', 'patient hash', 'person hash', 'subject hash',
    'member hash', 'user hash', 'document number', 'ehr id', 'emr id', 'fhir id', 'source patient id',
  ]),

  // ── Quasi-identifiers ──
  quasi('quasi.gender', 'medium', [
    'gender', 'sex', 'gender identity', 'sex at birth', 'birth sex', 'birth gender', 'legal sex',
    'administrative gender',
  ]),
  quasi('quasi.gender', 'low', ['pronoun']),
  quasi('quasi.age', 'medium', ['age', 'age year', 'age at', 'anchor age', 'age group', 'age bracket']),
  quasi('quasi.birth_year', 'low', ['year of birth', 'birth year', 'yob']),
  quasi('quasi.marital', 'low', ['marital', 'marital status', 'civil status', 'relationship status']),
  quasi('quasi.nationality', 'medium', ['nationality', 'citizenship', 'country of birth', 'birth country', 'immigration status']),
  quasi('quasi.occupation', 'medium', ['occupation', 'profession', 'employer', 'employer name', 'job title', 'workplace']),
  quasi('quasi.education', 'low', ['education', 'education level', 'school grade']),
  quasi('pii.financial', 'medium', ['income', 'household income', 'salary', 'annual income', 'net worth', 'credit score']),
  quasi('quasi.geo_state', 'low', ['state', 'province']),
  quasi('quasi.veteran', 'low', ['veteran status', 'veteran', 'military status', 'military service']),
  quasi('quasi.household', 'low', ['household size', 'number of children', 'living situation', 'housing status']),

  // ── GDPR Art. 9 special categories other than health ──
  special('special.ethnicity', 'high', 'always', ['ethnicity', 'ethnic', 'ethnic origin', 'ethnic group', 'race ethnicity']),
  special('special.race', 'high', 'person', ['race', 'racial', 'caste', 'tribe']),
  special('special.religion', 'high', 'always', ['religion', 'religious', 'religious affiliation', 'religious belief']),
  special('special.religion', 'high', 'person', ['faith', 'belief', 'denomination', 'church']),
  special('special.sexual_orientation', 'critical', 'always', ['sexual orientation', 'sexual preference', 'sexuality', 'lgbt', 'lgbtq']),
  special('special.sex_life', 'high', 'always', ['sex life', 'sexual activity', 'sexual partner', 'sexual history', 'sexual health']),
  special('special.political', 'high', 'person', ['political', 'political party', 'political affiliation', 'political opinion', 'party affiliation']),
  special('special.trade_union', 'high', 'always', ['trade union', 'union member', 'union membership', 'labor union', 'labour union']),
  special('special.philosophical', 'high', 'person', ['philosophical belief']),
  special('special.biometric', 'critical', 'always', [
    'fingerprint', 'voiceprint', 'voice print', 'faceprint', 'face print', 'face embedding', 'face template',
    'face encoding', 'face vector', 'facial geometry', 'biometric', 'biometric template', 'iris scan', 'retina',
    'retina scan', 'retinal scan', 'palmprint', 'palm print', 'voice signature', 'fingerprint template',
  ]),
  special('special.biometric', 'critical', 'person', ['iris']),

  // ── Credentials (Art. 32) ──
  credential('credential.password', 'high', 'always', [
    'password', 'passwd', 'pwd', 'passcode', 'pass code', 'passphrase', 'pass phrase', 'pin code', 'pincode',
    'pin hash', 'security answer', 'security question answer',
  ]),
  credential('credential.password', 'high', 'person', ['pin']),
  credential('credential.secret', 'high', 'always', [
    'secret', 'client secret', 'api secret', 'shared secret', 'webhook secret', 'app secret', 'consumer secret',
    'credential', 'secret hash',
  ]),
  credential('credential.otp', 'high', 'always', [
    'totp secret', 'mfa secret', 'otp', 'otp code', 'otp secret', 'one time password', 'totp', 'hotp',
    'recovery code', 'backup code', 'two factor secret',
  ]),
  credential('credential.key', 'high', 'always', [
    'api key', 'apikey', 'secret key', 'access key', 'encryption key', 'signing key', 'master key', 'hmac key',
    'key hash', 'hashed key', 'key digest',
  ]),
  credential('credential.key', 'critical', 'always', ['private key', 'privatekey', 'ssh key', 'ssh private key']),
  credential('credential.token', 'high', 'always', [
    'access token', 'refresh token', 'id token', 'auth token', 'bearer token', 'session token', 'api token',
    'reset token', 'verification token', 'confirmation token', 'remember token', 'invite token', 'csrf token',
    'oauth token', 'personal access token', 'jwt', 'private token', 'magic link token', 'token hash',
    'hashed token', 'token digest', 'hashed secret',
  ]),
  credential('credential.card', 'high', 'always', ['cvv', 'cvc', 'card security code']),

  // ── Containers: free text, media, embeddings, blobs, values ──
  container('text', 'phi.free_text', 'high', [
    'note', 'content', 'text', 'body', 'message', 'summary', 'transcript', 'transcription', 'description',
    'comment', 'remark', 'narrative', 'journal', 'journal entry', 'diary', 'diary entry', 'entry', 'answer',
    'response', 'reply', 'detail', 'raw content', 'free text', 'freetext', 'memo', 'observation note',
    'clinical note', 'soap note', 'progress note', 'assessment', 'plan text', 'history text', 'reflection',
    'story', 'conversation', 'chat', 'input text', 'output text', 'reasoning', 'explanation', 'snippet',
    'lexical variant', 'event txt', 'impression', 'subjective', 'objective', 'instruction', 'note text',
  ]),
  container('audio', 'phi.audio', 'critical', [
    'recording', 'audio', 'voice', 'voice note', 'voice memo', 'voicemail', 'video', 'call recording',
    'audio data', 'audio file', 'voice sample', 'speech',
  ]),
  container('image', 'phi.photo', 'high', ['photo', 'image', 'picture', 'avatar', 'pic', 'img', 'attachment', 'xray image', 'scan image']),
  container('embedding', 'phi.ai_derived', 'high', ['embedding', 'vector embedding', 'embedding vector']),
  container('opaque', 'phi.opaque_blob', 'high', ['data', 'payload', 'json', 'blob', 'raw', 'raw data', 'raw event', 'metadata', 'extra', 'form data', 'questionnaire response']),
  container('value', 'phi.value', 'high', [
    'value', 'code', 'value as string', 'concept', 'result text', 'description text', 'score', 'rating',
    'level', 'total score', 'total', 'measurement value', 'grade',
  ]),

  // ── Phrases that look sensitive and are not ──
  blocker([
    'time zone', 'timezone', 'rate limit', 'font weight', 'line height', 'row height', 'ab test',
    'stroke width', 'heartbeat', 'heart beat', 'token used', 'design token', 'filename', 'file name',
    'pass through', 'bypass', 'test user', 'test mode', 'unit test', 'test suite', 'ab treatment',
    'treatment group', 'control group', 'public key', 'publishable key', 'idempotency key', 'cache key',
    'storage key', 'object key', 'sort key', 'partition key', 'primary key', 'foreign key',
    'translation key', 'license key', 'sleep interval', 'sleep ms', 'sleep second', 'retry delay',
    'weight class', 'model weight', 'sample rate', 'sampling rate', 'conversion rate', 'frame rate',
    'bit rate', 'bitrate', 'exchange rate', 'tax rate', 'interest rate', 'mood board', 'moodboard',
    'password policy', 'password strength', 'password length', 'password changed', 'password updated',
    'password reset', 'password expire', 'password expiry', 'password hint', 'token type',
    'token expire', 'token expiry', 'token name', 'token prefix', 'secret name', 'secret ref', 'key id',
    'key name', 'key prefix', 'api key name', 'api key id', 'email verified', 'phone verified',
    'area code', 'postal service', 'address book', 'mail server', 'email server', 'email provider',
    'commit message', 'default message', 'release note', 'patch note', 'diagnostic log', 'diagnostics',
    'story point', 'cancellation reason', 'cancel reason', 'end reason', 'ended reason', 'denial reason',
    'rejection reason', 'refund reason', 'decline reason', 'failure reason', 'error reason', 'deletion reason',
    'block reason', 'ban reason', 'closure reason', 'return reason', 'deactivation reason', 'businessname', 'business name', 'company name', 'clinic name', 'lab name',
  ]),
];

/** Role words: they steer the rules but are not sensitive by themselves. */
export const ROLE_WORDS = {
  /** After an identifier, credential, container or quasi word: the column is *about* it (`email_verified`). */
  metaHeads: [
    'verified', 'verification', 'confirmed', 'confirmation', 'count', 'status', 'type', 'kind', 'template',
    'format', 'version', 'provider', 'domain', 'at', 'used', 'length', 'size', 'duration', 'sec', 'second',
    'ms', 'millisecond', 'language', 'locale', 'channel', 'mode', 'source', 'changed', 'updated', 'sent',
    'expires', 'expiry', 'expiration', 'expired', 'attempt', 'bounced', 'bounce', 'policy', 'rule', 'limit',
    'quota', 'threshold', 'sync', 'synced', 'encoding', 'mime', 'color', 'colour', 'style', 'label',
    'opt', 'optin', 'optout', 'consent', 'consented', 'subscribed', 'unsubscribed', 'subscription',
    'preference', 'notification', 'reminder', 'frequency', 'visibility', 'visible', 'privacy', 'hidden',
    'shared', 'permission', 'allowed', 'required', 'requested', 'regex', 'pattern', 'validation', 'valid',
    'validated', 'invalid', 'error', 'failure', 'failed', 'success', 'retry', 'timeout', 'ttl', 'tier',
    'flag', 'enabled', 'disabled', 'setting', 'option', 'width', 'height', 'resolution', 'dpi', 'extension',
    'mimetype', 'checksum', 'etag', 'bucket', 'thumbnail', 'caption', 'alt', 'bytes', 'byte', 'crop',
    'orientation', 'changed at', 'index', 'model', 'embedding model', 'dimension', 'quality', 'template id', 'campaign',
    'unsubscribe', 'digest', 'queue', 'job', 'log', 'sid', 'delivered', 'delivery', 'read', 'opened',
    'clicked', 'click', 'banner', 'icon', 'lock', 'locked', 'pending',
    'approved', 'rejected', 'field', 'signed', 'accepted', 'declined', 'collected',
    'completed', 'started', 'ended', 'recorded', 'transcribed', 'processed', 'uploaded', 'generated',
  ],
  /** As the last word, these make any column a setting or toggle, even a clinical one (`mood_tracking_enabled`). */
  settingHeads: [
    'enabled', 'disabled', 'toggle', 'toggled', 'optin', 'optout', 'visibility', 'visible', 'hidden',
    'sharing', 'permission', 'allowed', 'consent', 'consented', 'notification', 'sync', 'syncing', 'opt',
    'preference', 'setting', 'option', 'reminder enabled',
  ],
  /** As the first word, these make a column a permission or consent flag (`allow_sms`, `hipaa_mail`). */
  permissionPrefixes: [
    'allow', 'allows', 'can', 'consent', 'hipaa', 'gdpr', 'opt', 'optin', 'optout', 'permit', 'share', 'sharing',
    'notify', 'send', 'show', 'hide', 'use', 'enable', 'disable',
  ],
  /** A vendor id names a person's account only when it is an account, user or customer id. */
  accountWords: [
    'user', 'customer', 'account', 'member', 'patient', 'person', 'profile', 'subscriber', 'contact', 'client',
    'identity', 'player', 'owner', 'uid', 'sub', 'principal', 'connected account',
  ],
  /** Code-system metadata cancels even a clinical word (`icd_version`). */
  codeSystemHeads: ['version', 'system', 'vocabulary', 'codeset', 'terminology', 'coding'],
  /** A surrogate or foreign key: `<entity>_id`. */
  keyHeads: ['id', 'uuid', 'guid', 'fk', 'pk', 'oid', 'ref', 'sid', 'iri', 'urn'],
  /** Heads that make a column a date or time. */
  dateHeads: [
    'date', 'time', 'datetime', 'timestamp', 'ts', 'dt', 'at', 'on', 'day', 'month', 'year', 'dttm', 'tm',
    'when', 'started', 'ended', 'start', 'end', 'stop', 'from', 'to', 'until', 'since',
  ],
  dateBirth: ['birth', 'born', 'dob', 'birthday'],
  dateDeath: ['death', 'deceased', 'died', 'dod'],
  dateAdmission: ['admission', 'admit', 'admitted', 'admittance', 'edreg', 'intime'],
  dateDischarge: ['discharge', 'disch', 'discharged', 'outtime', 'edout'],
  dateService: ['visit', 'encounter', 'service', 'appointment', 'consultation', 'checkin', 'appt', 'encounter start'],
  /** Person-name heads and their qualifiers. */
  nameHeads: ['name', 'nm', 'names'],
  personNameQualifiers: [
    'first', 'last', 'middle', 'full', 'given', 'family', 'maiden', 'nick', 'legal', 'preferred', 'birth',
    'real', 'christian', 'sur', 'f', 'l', 'm', 'fl', 'patient', 'pt', 'person', 'contact', 'emergency', 'kin',
    'guardian', 'parent', 'mother', 'father', 'spouse', 'partner', 'relative', 'child', 'member', 'customer',
    'client', 'subscriber', 'beneficiary', 'holder', 'cardholder', 'recipient', 'insured', 'policyholder',
    'resident', 'student', 'employee', 'applicant', 'candidate', 'passenger', 'driver', 'guest', 'visitor',
    'owner', 'caller', 'father', 'sibling', 'baby', 'infant', 'participant', 'respondent', 'donor',
    'account holder', 'bill to', 'ship to', 'insured person', 'emergency contact', 'guarantor', 'payee',
    'responsible party', 'landlord', 'tenant', 'witness', 'sponsor',
  ],
  workforceNameQualifiers: [
    'doctor', 'physician', 'clinician', 'provider', 'nurse', 'therapist', 'practitioner', 'prescriber',
    'surgeon', 'specialist', 'caregiver', 'staff', 'coach', 'trainer', 'counselor', 'counsellor', 'dentist',
    'pharmacist', 'psychiatrist', 'psychologist', 'attending', 'referring', 'author', 'reviewer', 'signer',
    'manager', 'agent', 'rep', 'representative', 'officer', 'teacher', 'instructor',
  ],
  /** Display-style name qualifiers: personal only in a person table. */
  displayNameQualifiers: ['display', 'screen', 'user', 'public', 'profile', 'short', 'alias'],
  addressHeads: ['address', 'addr'],
  /** `server_address` and `wallet_address` are not places where a person lives. */
  nonGeoAddressQualifiers: [
    'server', 'smtp', 'host', 'wallet', 'contract', 'from', 'reply', 'return', 'sender', 'bitcoin', 'btc',
    'eth', 'ethereum', 'crypto', 'memory', 'base', 'node', 'proxy', 'web', 'ipfs', 'deposit', 'bind',
    'listen', 'gateway', 'dns', 'endpoint', 'broadcast', 'multicast', 'token', 'to', 'noreply', 'support',
    'mailbox', 'relay', 'peer', 'redis', 'db', 'database', 'rpc', 'api', 'service', 'contract', 'pool',
  ],
  /** After a token or key: which of them are secrets, device identifiers, or counters. */
  deviceTokenQualifiers: ['push', 'device', 'fcm', 'apns', 'expo', 'firebase', 'notification', 'registration', 'gcm', 'onesignal', 'vapid'],
  nonSecretTokenQualifiers: [
    'prompt', 'completion', 'input', 'output', 'max', 'total', 'llm', 'model', 'context', 'design', 'cached',
    'reasoning', 'num', 'number', 'remaining', 'usage', 'erc20', 'nft', 'crypto', 'lexer', 'parser',
    'cancellation', 'continuation', 'page', 'pagination', 'cursor', 'next', 'sync',
  ],
  secretKeyQualifiers: [
    'api', 'private', 'secret', 'access', 'encryption', 'signing', 'master', 'client', 'auth', 'hmac', 'webhook',
    'session', 'app', 'consumer', 'ssh', 'decryption', 'aes', 'jwt', 'stripe', 'openai', 'aws',
  ],
  /** Identity providers: `clerk_id`, `auth0_id`, `google_id` are a person's external account identifiers. */
  identityVendors: [
    'clerk', 'auth0', 'firebase', 'cognito', 'okta', 'supabase', 'google', 'apple', 'facebook', 'github',
    'microsoft', 'azure', 'keycloak', 'workos', 'kinde', 'stytch', 'linkedin', 'twitter', 'discord', 'slack',
    'telegram', 'oauth', 'sso', 'saml', 'oidc', 'provider account',
  ],
  /** Service vendors: their ids name a person only as account ids (`stripe_customer_id`, not `twilio_sid`). */
  serviceVendors: [
    'stripe', 'paypal', 'plaid', 'braintree', 'twilio', 'intercom', 'segment', 'mixpanel', 'amplitude',
    'hubspot', 'salesforce', 'zendesk', 'sendgrid', 'mailchimp', 'paddle', 'lemonsqueezy', 'chargebee',
    'recurly', 'revenuecat', 'onesignal', 'whatsapp', 'epic', 'cerner', 'athena', 'healthie', 'canvas',
    'elation', 'drchrono', 'redox', 'vapi', 'retell', 'openai', 'anthropic', 'livekit', 'daily', 'zoom',
  ],
  /** External identifiers (HIPAA R): `external_id`, `ehr_patient_id`. */
  externalQualifiers: ['external', 'ext', 'ehr', 'emr', 'legacy', 'vendor', 'partner', 'fhir', 'hl7', 'mpi', 'empi', 'source system'],
  /** Person words: tables about people, and the `<person>_source_value` identifiers. */
  personWords: [
    'patient', 'pt', 'person', 'people', 'user', 'profile', 'member', 'customer', 'client', 'subscriber',
    'beneficiary', 'participant', 'contact', 'employee', 'student', 'applicant', 'candidate', 'voter',
    'resident', 'guardian', 'caregiver', 'parent', 'child', 'relative', 'donor', 'citizen', 'individual',
    'traveler', 'traveller', 'passenger', 'driver', 'rider', 'guest', 'visitor', 'lead', 'prospect',
    'respondent', 'enrollee', 'kyc', 'identity', 'demographic', 'subject', 'kin', 'dependent', 'insured',
    'physician', 'doctor', 'practitioner', 'nurse', 'clinician', 'therapist', 'provider', 'staff',
    'account holder', 'policyholder', 'family member', 'household', 'cstmr', 'usr', 'pat', 'attendee',
    'learner', 'athlete', 'mother', 'baby', 'infant', 'guarantor',
  ],
  /** Modifiers that make a clinical-weak word clinical: `body_weight`, `medical_history`, `lab_result`. */
  clinicalModifiers: [
    'body', 'bodily', 'blood', 'heart', 'cardiac', 'cardio', 'medical', 'clinical', 'specialist', 'patient',
    'pt', 'resting', 'fasting', 'mental', 'physical', 'vital', 'chronic', 'acute', 'birth', 'fetal',
    'maternal', 'prenatal', 'diagnostic', 'lab', 'pathological', 'psych', 'therapeutic', 'health', 'symptom',
    'pain', 'oncology', 'renal', 'hepatic', 'pulmonary', 'respiratory', 'neurological', 'neuro', 'vascular',
    'cardiovascular', 'gastrointestinal', 'musculoskeletal', 'dermatological', 'skin', 'bone', 'lung',
    'liver', 'kidney', 'brain', 'breast', 'prostate', 'cervical', 'colon', 'ovarian', 'thyroid', 'dental',
    'oral', 'eye', 'vision', 'hearing', 'urinary', 'bowel', 'bladder', 'nurse', 'doctor', 'physician',
    'clinician', 'hospital', 'icu', 'emergency room', 'drug', 'medication', 'vaccine', 'immunization',
    'allergy', 'diagnosis', 'surgery', 'surgical', 'rehab', 'specialist', 'psychiatric', 'mood', 'wound',
    'cancer', 'tumor', 'oncologic', 'infection', 'covid', 'hiv', 'pregnancy', 'menstrual', 'glucose',
  ],
  /** Never clinical, even next to a clinical-weak word: `font_weight`, `image_height`, `ab_treatment_group`. */
  negativeContext: [
    'ab', 'experiment', 'variant', 'feature', 'release', 'font', 'theme', 'image', 'row', 'page', 'ui', 'job',
    'order', 'cache', 'llm', 'gpt', 'alert', 'rule', 'server', 'smtp', 'host', 'worker', 'limit', 'product',
    'shipping', 'package', 'parcel', 'sensor', 'machine', 'engine', 'cpu', 'gpu', 'memory', 'disk',
    'battery', 'network', 'weather', 'climate', 'svg', 'css', 'border', 'margin', 'padding', 'grid', 'icon',
    'logo', 'banner', 'prompt', 'git', 'commit', 'repo', 'branch', 'build', 'deploy', 'pipeline', 'mock',
    'fake', 'dummy', 'seed', 'fixture', 'debug', 'exception', 'cron', 'backup', 'migration', 'search',
    'ranking', 'seo', 'ad', 'ads', 'campaign', 'marketing', 'coupon', 'discount', 'cart', 'checkout',
    'game', 'player', 'quest', 'achievement', 'xp', 'badge', 'quiz', 'course', 'lesson', 'lecture',
    'question', 'model', 'api', 'http', 'request', 'webhook', 'queue', 'font', 'screen', 'window', 'video',
    'column', 'table', 'layout', 'widget', 'button', 'card', 'slide', 'upload', 'file', 'document',
    'inventory', 'warehouse', 'vehicle', 'tire', 'tyre', 'room', 'oven', 'fridge', 'freezer', 'pool',
    'stock', 'portfolio', 'trade', 'fund', 'loan', 'credit', 'fraud', 'ticket', 'support', 'sla',
    'incident', 'test', 'ci', 'integration', 'spec', 'sprint', 'story', 'epic', 'task', 'project',
    'review', 'rating', 'star', 'vote', 'poll', 'survey question', 'leaderboard', 'streak', 'level up',
    'onboarding', 'wizard', 'tutorial', 'tour', 'workflow', 'setup', 'funnel', 'signup',
  ],
  /** A clinical-weak word followed by these is a goal or setting, not a measurement (`food_preferences`). */
  weakCancelHeads: [
    'goal', 'preference', 'setting', 'reminder', 'unit', 'uom', 'enabled', 'disabled', 'notification',
    'format', 'label', 'color', 'icon', 'template', 'option', 'type id', 'category id', 'visibility',
    'permission', 'consent', 'limit', 'id', 'uuid', 'ref', 'key', 'version', 'count', 'provider', 'source',
  ],
  /** `ssh_key_fingerprint` is a hash, not a biometric; `browser_fingerprint` identifies a device. */
  technicalFingerprintQualifiers: [
    'key', 'cert', 'certificate', 'ssh', 'gpg', 'pgp', 'tls', 'ssl', 'file', 'content', 'hash', 'public',
    'schema', 'config', 'build', 'request', 'cache', 'sha', 'sha256', 'md5', 'asset', 'bundle', 'query',
  ],
  deviceFingerprintQualifiers: ['browser', 'device', 'client', 'visitor', 'canvas', 'audio', 'machine', 'hardware'],
  /** `min_age`, `max_weight`, `default_gender`: configuration values, not a person's attribute. */
  configQualifiers: ['min', 'max', 'minimum', 'maximum', 'default', 'limit', 'threshold', 'allowed', 'required', 'restriction', 'rating', 'gate', 'verification'],
  /** Words that make a clinical column AI-derived (GDPR: inferred health data). */
  aiModifiers: [
    'ai', 'predicted', 'prediction', 'inferred', 'inference', 'detected', 'detection', 'estimated',
    'estimate', 'derived', 'llm', 'gpt', 'ml', 'nlp', 'classifier', 'classified', 'model predicted',
    'generated', 'sentiment',
  ],
  /** Words allowed after an identifier without changing what it is (`phone_e164`, `email_lower`, `ssn_last4`). */
  identifierTails: [
    'number', 'num', 'no', 'nr', 'nbr', 'address', 'addr', 'value', 'raw', 'normalized', 'normalised', 'e164',
    'hash', 'hashed', 'encrypted', 'enc', 'cipher', 'ciphertext', 'bidx', 'blind', 'primary', 'secondary',
    'alt', 'alternate', 'alternative', 'home', 'work', 'mobile', 'personal', 'line', 'code', 'text',
    'string', 'digits', 'last', 'first', 'full', 'masked', 'plain', 'plaintext', 'clean', 'canonical',
    'lower', 'lowercase', 'formatted', 'ext', 'extension', 'suffix', 'part', 'detail', 'description',
    'info', 'name', 'data', 'json', 'other', 'old', 'new', 'previous', 'current', 'backup', 'recovery',
    'contact', 'private', 'list', 'md', 'direct', 'office', 'main', 'business', 'biz', 'company', 'cell',
    'day', 'night', 'evening', 'emergency', 'guardian', 'parent', 'spouse', 'partner', 'school', 'fixed',
    'landline', 'international', 'national', 'local', 'identifier', 'id', 'lat', 'lng', 'lon',
    'latitude', 'longitude', 'point', 'geo', 'coordinate', 'location', 'city', 'state', 'zip', 'country',
    'street', 'line1', 'line2', 'one', 'two', 'district', 'region', 'county', 'town', 'postcode',
    'postal', 'area', 'prefix', 'mask', 'display', 'short', 'long', 'secure', 'token', 'fingerprint',
    'search', 'index', 'lookup', 'key', 'digest', 'salt', 'url', 'link', 'path', 'uri', 'file', 'note',
    'comment', 'remark', 'relationship', 'relation',
  ],
  /** Media tails: `recording_url`, `audio_file_key` still hold the recording. */
  mediaLocatorTails: ['url', 'uri', 'link', 'path', 'key', 'file', 'blob', 'data', 'bytes', 'content', 'object', 'storage', 'location', 's3', 'gcs', 'src', 'ref', 'filename', 'base64'],
  /** Container tails that say the column holds the content itself. */
  containerTails: ['raw', 'encrypted', 'enc', 'ciphertext', 'text', 'body', 'content', 'html', 'markdown', 'md', 'json', 'plain', 'full', 'original', 'redacted', 'sanitized', 'clean', 'data', 'value', 'string'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Table-name words. A table is a person table, a health table, a communication table,
 * an organisation table, a dictionary table or a technical table.
 */
export const TABLE_WORDS = {
  person: [
    'patient', 'pt', 'person', 'people', 'user', 'profile', 'member', 'customer', 'client', 'subscriber',
    'beneficiary', 'participant', 'contact', 'employee', 'student', 'applicant', 'candidate', 'voter',
    'resident', 'guardian', 'caregiver', 'parent', 'child', 'relative', 'donor', 'citizen', 'individual',
    'traveler', 'traveller', 'passenger', 'driver', 'rider', 'guest', 'visitor', 'lead', 'prospect',
    'respondent', 'enrollee', 'kyc', 'identity', 'demographic', 'dependent', 'insured', 'physician',
    'doctor', 'practitioner', 'nurse', 'clinician', 'therapist', 'staff', 'cstmr', 'usr', 'minor',
    'policyholder', 'household', 'athlete', 'learner', 'attendee', 'emergency contact', 'next of kin',
    'mother', 'baby', 'infant',
  ],
  /** Person words that do not make a person table when qualified: `oauth_clients`, `api_users`. */
  personExceptions: [
    'oauth', 'api', 'http', 'grpc', 'app', 'service', 'system', 'bot', 'machine', 'smtp', 'sftp', 'db',
    'database', 'auth', 'identity provider', 'sso', 'saml', 'llm', 'ai', 'redis', 'mqtt', 'ws',
  ],
  /** Only clinical-person words make a person table a health table by themselves. */
  patientWords: ['patient', 'pt', 'pat', 'enrollee', 'beneficiary', 'insured', 'donor', 'resident', 'participant', 'subject'],
  health: [
    'checkin', 'check in', 'followup', 'follow up', 'journal', 'diary', 'consultation', 'telehealth',
    'telemedicine', 'visit', 'encounter', 'admission', 'icustay', 'chartevent', 'labevent', 'inputevent',
    'outputevent', 'procedureevent', 'datetimeevent', 'ingredientevent', 'microbiologyevent', 'hcpcsevent',
    'emar', 'omr', 'poe', 'observation', 'measurement', 'intake', 'anamnesis', 'assessment', 'screening',
    'questionnaire', 'exam', 'examination', 'prescription', 'medication', 'dose', 'pharmacy', 'allergy',
    'immunization', 'vaccination', 'procedure', 'surgery', 'diagnosis', 'condition', 'symptom', 'pain',
    'wound', 'therapy', 'treatment', 'care', 'careplan', 'clinical', 'medical', 'health', 'wellness',
    'wellbeing', 'fitness', 'workout', 'exercise', 'sleep', 'nutrition', 'meal', 'hydration', 'pregnancy',
    'fertility', 'glucose', 'blood', 'vital', 'mood', 'emotion', 'lab', 'specimen', 'death', 'claim',
    'coverage', 'insurance', 'payer', 'drug', 'device exposure', 'imaging', 'radiology', 'genomic',
    'genetic', 'risk', 'readmission', 'triage', 'episode of care', 'ehr', 'emr', 'fhir', 'chart', 'appointment',
    'physical activity', 'menstrual', 'cycle log', 'dx', 'rx', 'icd', 'drg', 'stay', 'transfer',
    'nurse', 'nursing', 'infusion', 'respiratory', 'hospital', 'clinic visit', 'diet', 'food log',
    'symptom log', 'safety plan', 'crisis', 'screening', 'session note', 'referral', 'discharge', 'outcome',
    'problem', 'history', 'anamnesis', 'wearable', 'biometric', 'heart', 'stress',
    'energy', 'steps', 'psych', 'mental', 'counseling', 'counselling', 'psychotherapy',
    'hiv', 'std', 'oncology', 'cancer', 'tumor', 'dialysis', 'transplant', 'dental', 'vision',
    // FHIR resource names used as table names.
    'diagnostic report', 'diagnostic', 'explanation of benefit', 'family member history',
    'questionnaire response', 'service request', 'imaging study', 'care team', 'nutrition order',
    'vision prescription', 'risk assessment', 'clinical impression', 'detected issue', 'adverse event',
    'medication administration', 'medication dispense', 'medication statement', 'medication request',
    'device request', 'device use statement', 'allergy intolerance', 'body structure', 'molecular sequence',
  ],
  communication: [
    'message', 'chat', 'conversation', 'call', 'transcript', 'transcription', 'voice', 'recording', 'note',
    'diary', 'journal', 'thread', 'inbox', 'sms', 'letter', 'memo', 'followup', 'checkin', 'consultation',
    'session', 'entry', 'reply', 'dm', 'direct message', 'telehealth', 'video visit', 'voicemail', 'summary',
  ],
  /** Organisation tables: their names, addresses and phone numbers are not personal. Head word only. */
  organisation: [
    'organization', 'organisation', 'org', 'company', 'business', 'clinic', 'hospital', 'pharmacy',
    'facility', 'practice', 'store', 'shop', 'warehouse', 'vendor', 'supplier', 'merchant', 'payer',
    'insurer', 'site', 'office', 'branch', 'venue', 'brand', 'manufacturer', 'partner', 'agency',
    'department', 'school', 'university', 'institution', 'employer', 'tenant', 'workspace', 'lab facility',
    'laboratory facility', 'care site', 'location type', 'restaurant', 'hotel', 'gym', 'team',
  ],
  /** Reference vocabularies (MIMIC `d_*`, OMOP `concept`): codes there describe the code, not a person. */
  dictionary: ['d', 'dim', 'lookup', 'dictionary', 'vocabulary', 'concept', 'catalog', 'catalogue', 'terminology', 'codeset', 'code set', 'reference data', 'ontology'],
  /** Technical tables: nothing clinical-weak or container-like in them is about a person's health. */
  technical: [
    'setting', 'config', 'configuration', 'llm', 'prompt', 'experiment', 'feature', 'flag', 'job', 'queue',
    'worker', 'server', 'host', 'node', 'cluster', 'sensor', 'iot', 'machine', 'product', 'item', 'sku',
    'inventory', 'shipment', 'theme', 'style', 'asset', 'upload', 'attachment', 'game', 'quiz', 'webhook',
    'integration', 'api', 'metric', 'analytics', 'cache', 'release', 'version', 'build', 'deploy',
    'pipeline', 'alert', 'rule', 'policy', 'template', 'email template', 'notification template',
    'migration', 'schema', 'audit', 'event log', 'error', 'exception', 'trace', 'span', 'ci', 'repo', 'commit', 'course', 'lesson', 'blog', 'post', 'article', 'page', 'faq',
    'changelog', 'review', 'ticket', 'task', 'project', 'document', 'file', 'image', 'media', 'invoice',
    'order', 'cart', 'coupon', 'discount', 'subscription', 'plan', 'price', 'payment method', 'ledger',
    'transaction', 'tag', 'category', 'label', 'translation', 'locale', 'country', 'currency', 'ui',
    'ai setting', 'model', 'dataset', 'embedding store', 'knowledge', 'kb', 'rag', 'chunk', 'vector',
  ],
  /** Configuration tables: an email or phone there is the system's or the company's, not a person's. */
  configuration: ['setting', 'config', 'configuration', 'smtp', 'mail setting', 'email setting', 'integration', 'environment', 'tenant setting', 'app setting'],
  /** Tables where a bare `token` column is a secret. */
  auth: [
    'session', 'auth', 'authentication', 'oauth', 'token', 'verification', 'credential', 'api key', 'invite',
    'invitation', 'password', 'reset', 'login', 'account', 'identity', 'magic link', 'otp', 'mfa', 'webhook',
    'integration', 'connection',
  ],
  /** Therapy and counselling tables: their notes are psychotherapy notes (critical). */
  therapy: ['therapy', 'psychotherapy', 'counseling', 'counselling', 'psychiatric', 'psychiatry', 'psych', 'therapist', 'mental health'],
  /** Address tables: a bare `state` there is part of a person's address. */
  address: ['address', 'residence', 'domicile'],
} as const satisfies Record<string, readonly string[]>;

/** Abbreviations normalised before matching. The key is one token; the value is one or more words. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  nm: 'name',
  addr: 'address',
  tel: 'phone',
  telno: 'phone number',
  num: 'number',
  nbr: 'number',
  nr: 'number',
  no: 'number',
  dt: 'date',
  tm: 'time',
  dttm: 'datetime',
  diag: 'diagnosis',
  hx: 'history',
  sx: 'symptom',
  meds: 'medication',
  med: 'medication',
  disch: 'discharge',
  admit: 'admission',
  admitted: 'admission',
  pwd: 'password',
  passwd: 'password',
  pw: 'password',
  desc: 'description',
  msg: 'message',
  txt: 'text',
  img: 'image',
  pic: 'picture',
  wt: 'weight',
  ht: 'height',
  bday: 'birthday',
  dob: 'dob',
  emailaddr: 'email address',
  mob: 'mobile',
  cellno: 'cell number',
  lng: 'lng',
  qty: 'quantity',
  freq: 'frequency',
  hgt: 'height',
  wgt: 'weight',
  ins: 'insurance',
  emerg: 'emergency',
  usr: 'user',
  cstmr: 'customer',
  pat: 'patient',
};

/** Irregular plurals and plural-looking singulars that the lemma rules would get wrong. */
export const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  ids: 'id',
  ips: 'ip',
  uuids: 'uuid',
  urls: 'url',
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  feet: 'foot',
  teeth: 'tooth',
  criteria: 'criterion',
  analyses: 'analysis',
  indices: 'index',
  matrices: 'matrix',
  vertices: 'vertex',
  lives: 'life',
  wives: 'wife',
  leaves: 'leaf',
  halves: 'half',
  mice: 'mouse',
  geese: 'goose',
  phenomena: 'phenomenon',
  bacteria: 'bacterium',
  meds: 'med',
  dx: 'dx',
  rx: 'rx',
  cookies: 'cookie',
  movies: 'movie',
  pies: 'pie',
  ties: 'tie',
  lies: 'lie',
  dies: 'die',
  species: 'species',
  series: 'series',
  news: 'news',
  diabetes: 'diabetes',
  herpes: 'herpes',
  rabies: 'rabies',
  scabies: 'scabies',
  measles: 'measles',
  mumps: 'mumps',
  feces: 'feces',
  faeces: 'faeces',
  stays: 'stay',
  days: 'day',
  keys: 'key',
  ways: 'way',
  trays: 'tray',
  xrays: 'xray',
  essays: 'essay',
  relays: 'relay',
  delays: 'delay',
  displays: 'display',
  arrays: 'array',
  surveys: 'survey',
  journeys: 'journey',
  holidays: 'holiday',
  birthdays: 'birthday',
  plays: 'play',
  toys: 'toy',
  boys: 'boy',
  buys: 'buy',
  guys: 'guy',
  moneys: 'money',
  attorneys: 'attorney',
  kidneys: 'kidney',
  monkeys: 'monkey',
  alleys: 'alley',
  valleys: 'valley',
  // Singular words that end in -s.
  gps: 'gps',
  sms: 'sms',
  mms: 'mms',
  aws: 'aws',
  ios: 'ios',
  dns: 'dns',
  always: 'always',
  perhaps: 'perhaps',
  yes: 'yes',
  plus: 'plus',
  bonus: 'bonus',
  canvas: 'canvas',
  alias: 'alias',
  atlas: 'atlas',
  bias: 'bias',
  chaos: 'chaos',
  ethos: 'ethos',
  kudos: 'kudos',
  lens: 'lens',
  means: 'means',
  physics: 'physics',
  mathematics: 'mathematics',
  economics: 'economics',
  ethics: 'ethics',
  pancreas: 'pancreas',
  thanks: 'thanks',
  overseas: 'overseas',
  whereas: 'whereas',
  has: 'has',
  was: 'was',
  does: 'does',
  goes: 'goes',
  this: 'this',
  thus: 'thus',
  his: 'his',
  its: 'its',
  sales: 'sales',
  terms: 'terms',
  comms: 'comms',
  ops: 'ops',
  devops: 'devops',
  stats: 'stat',
  prefs: 'preference',
  params: 'param',
  args: 'arg',
  specs: 'spec',
  hads: 'hads',
  epds: 'epds',
  pcos: 'pcos',
  aids: 'aids',
  initials: 'initials',
  diagnostics: 'diagnostics',
};

/** Tokens that contain digits and must stay whole (`hba1c`, `spo2`, `auth0`). */
export const ALPHANUMERIC_TERMS: readonly string[] = [
  'hba1c', 'a1c', 'spo2', 'sao2', 'pao2', 'fio2', 'vo2', 'vo2max', 'o2', 'co2', 'b12', 'b6', 'd3', 'cd4', 'k10',
  'who5', 'pcl5', 'auth0', 'e164', 'ipv4', 'ipv6', 'sha256', 'sha1', 'md5', 'base64', 'oauth2', 's3', 'utf8',
  'x509', 'glp1', '2fa', 'hl7', 'erc20', 'dass21', 'h2o', 'etco2',
];

/**
 * Whole-word clinical suffixes for words the dictionary does not know (`dermatitis`, `neuropathy`).
 * Checked only on unknown tokens of 7+ letters, with the listed English exceptions.
 */
export const CLINICAL_SUFFIXES: readonly { readonly suffix: string; readonly except: readonly string[] }[] = [
  { suffix: 'itis', except: [] },
  { suffix: 'pathy', except: ['empathy', 'sympathy', 'telepathy', 'apathy', 'antipathy'] },
  { suffix: 'ectomy', except: [] },
  { suffix: 'otomy', except: ['dichotomy', 'anatomy'] },
  { suffix: 'oscopy', except: ['microscopy', 'spectroscopy', 'telescopy', 'stethoscopy'] },
  { suffix: 'emia', except: ['academia', 'bohemia'] },
  { suffix: 'algia', except: ['nostalgia'] },
  { suffix: 'plasty', except: [] },
  { suffix: 'carcinoma', except: [] },
  { suffix: 'cardia', except: [] },
  { suffix: 'uria', except: ['curia', 'luxuria'] },
  { suffix: 'osis', except: ['osmosis', 'symbiosis', 'genesis', 'apotheosis', 'metamorphosis', 'hypnosis', 'analysis'] },
];

/**
 * Ordinary schema words. They let the segmenter split run-together names (`createdat`),
 * protect real words from being split (`passage` is not `pass`+`age`), and tell a known
 * non-identifier tail (`email_subject`) from noise (`email_md`).
 */
export const GENERAL_WORDS: readonly string[] = [
  'id', 'uuid', 'guid', 'key', 'ref', 'created', 'updated', 'deleted', 'modified', 'archived', 'published',
  'at', 'on', 'by', 'of', 'in', 'to', 'for', 'from', 'is', 'has', 'had', 'was', 'can', 'should', 'will',
  'did', 'does', 'do', 'are', 'be', 'been', 'with', 'without', 'and', 'or', 'not', 'the', 'per', 'via',
  'date', 'time', 'datetime', 'timestamp', 'day', 'week', 'month', 'year', 'hour', 'minute', 'second',
  'today', 'yesterday', 'daily', 'weekly', 'monthly', 'yearly', 'annual', 'start', 'end', 'stop', 'begin',
  'status', 'state', 'type', 'kind', 'category', 'class', 'group', 'level', 'rank', 'order', 'sort',
  'position', 'index', 'sequence', 'seq', 'count', 'total', 'sum', 'avg', 'average', 'min', 'max',
  'minimum', 'maximum', 'mean', 'median', 'number', 'amount', 'quantity', 'value', 'score', 'rate',
  'ratio', 'percent', 'percentage', 'unit', 'size', 'length', 'width', 'height', 'depth', 'weight',
  'name', 'title', 'label', 'slug', 'code', 'description', 'summary', 'text', 'content', 'body', 'note',
  'comment', 'message', 'subject', 'url', 'uri', 'link', 'path', 'file', 'filename', 'image', 'photo',
  'video', 'audio', 'icon', 'logo', 'avatar', 'color', 'colour', 'theme', 'font', 'style', 'layout',
  'setting', 'config', 'configuration', 'option', 'preference', 'flag', 'feature', 'enabled', 'disabled',
  'active', 'inactive', 'visible', 'hidden', 'public', 'private', 'default', 'custom', 'primary',
  'secondary', 'parent', 'child', 'owner', 'author', 'creator', 'editor', 'admin', 'user', 'account',
  'team', 'org', 'organization', 'company', 'business', 'workspace', 'project', 'tenant', 'member',
  'role', 'permission', 'scope', 'access', 'session', 'login', 'logout', 'signup', 'signin', 'auth',
  'token', 'secret', 'password', 'hash', 'salt', 'invite', 'invitation', 'verified', 'verification',
  'confirmed', 'confirmation', 'approved', 'approval', 'rejected', 'pending', 'completed', 'complete',
  'done', 'draft', 'published', 'sent', 'delivered', 'read', 'seen', 'opened', 'clicked', 'last', 'first',
  'next', 'previous', 'prev', 'current', 'new', 'old', 'original', 'final', 'latest', 'initial', 'version',
  'revision', 'release', 'build', 'deploy', 'environment', 'env', 'region', 'zone', 'timezone', 'locale',
  'language', 'lang', 'country', 'currency', 'price', 'cost', 'fee', 'tax', 'discount', 'coupon',
  'invoice', 'payment', 'billing', 'plan', 'tier', 'trial', 'subscription', 'seat', 'quota', 'limit',
  'usage', 'credit', 'balance', 'charge', 'refund', 'order', 'cart', 'checkout', 'product', 'item', 'sku',
  'stock', 'inventory', 'warehouse', 'shipment', 'shipping', 'tracking', 'carrier', 'package', 'parcel',
  'event', 'action', 'activity', 'log', 'audit', 'history', 'trace', 'span', 'metric', 'stat', 'report',
  'analytics', 'source', 'medium', 'campaign', 'utm', 'referrer', 'referral', 'channel', 'platform',
  'device', 'browser', 'os', 'app', 'client', 'server', 'host', 'hostname', 'port', 'protocol', 'api',
  'endpoint', 'webhook', 'callback', 'redirect', 'request', 'response', 'error', 'exception', 'retry',
  'attempt', 'failure', 'success', 'result', 'output', 'input', 'job', 'task', 'queue', 'worker',
  'schedule', 'cron', 'interval', 'duration', 'timeout', 'delay', 'expires', 'expiry', 'expiration',
  'ttl', 'cache', 'data', 'payload', 'metadata', 'meta', 'info', 'detail', 'details', 'extra', 'json',
  'properties', 'property', 'attribute', 'field', 'column', 'row', 'table', 'record', 'entry', 'item',
  'list', 'array', 'map', 'set', 'tag', 'tags', 'keyword', 'search', 'query', 'filter', 'sorting',
  'page', 'pagination', 'cursor', 'offset', 'view', 'views', 'like', 'likes', 'share', 'shares', 'follow',
  'follower', 'following', 'post', 'article', 'blog', 'thread', 'reply', 'reaction', 'mention', 'channel',
  'notification', 'reminder', 'alert', 'email', 'template', 'format', 'type', 'mime', 'extension',
  'checksum', 'storage', 'bucket', 'upload', 'download', 'attachment', 'document', 'folder', 'directory',
  'lock', 'locked', 'enabled', 'passenger', 'bypass', 'passage', 'package', 'mileage', 'percentage',
  'voltage', 'postage', 'heritage', 'manage', 'manager', 'management', 'storage', 'message', 'village',
  'garage', 'cottage', 'damage', 'advantage', 'luggage', 'sausage', 'vintage', 'marriage', 'footage',
  'homepage', 'webpage', 'frontpage', 'stage', 'cage', 'wage', 'sage', 'rage', 'stagecoach', 'essex',
  'sussex', 'middlesex', 'embrace', 'terrace', 'brace', 'grace', 'surface', 'interface', 'trace',
  'pinpoint', 'spinner', 'opinion', 'voicemail', 'hotmail', 'gmail', 'notebook', 'microphone',
  'heartbeat', 'passport', 'fingerprint', 'passenger', 'capacity', 'velocity', 'electricity', 'city',
  'statement', 'template', 'temporary', 'tempo', 'attempt', 'contemplate', 'latency', 'translate',
  'translation', 'relation', 'relationship', 'platform', 'therapist', 'analysis', 'analytics', 'anchor',
  'anchored', 'dosage', 'coverage', 'average', 'language', 'usage', 'image', 'manage', 'engage',
  'engagement', 'mortgage', 'leverage', 'beverage', 'pilgrimage', 'vantage', 'storage', 'sage',
  'message', 'messages', 'passage', 'stageable', 'hostage', 'hostel', 'together', 'whatever', 'however',
  'lifetime', 'lifecycle', 'livestream', 'streak', 'goal', 'goals', 'achieved', 'achievement', 'badge',
  'level', 'points', 'point', 'reward', 'game', 'played', 'play', 'cognitive', 'today', 'tomorrow',
  'morning', 'evening', 'night', 'afternoon', 'noon', 'weekend', 'weekday', 'holiday', 'birthday',
  'anniversary', 'join', 'joined', 'leave', 'left', 'right', 'top', 'bottom', 'center', 'middle',
  'inner', 'outer', 'upper', 'lower', 'high', 'low', 'big', 'small', 'short', 'long', 'tall', 'wide',
  'deep', 'shallow', 'fast', 'slow', 'quick', 'early', 'late', 'later', 'soon', 'ready', 'open', 'close',
  'closed', 'active', 'passive', 'live', 'dead', 'test', 'mock', 'sample', 'demo', 'example', 'dummy',
  'raw', 'clean', 'cleaned', 'parsed', 'processed', 'generated', 'computed', 'calculated', 'derived',
  'estimated', 'predicted', 'inferred', 'detected', 'actual', 'expected', 'target', 'planned', 'budget',
  'forecast', 'input', 'output', 'call', 'calls', 'caller', 'callee', 'assistant', 'agent', 'bot', 'ai',
  'llm', 'model', 'prompt', 'completion', 'embedding', 'vector', 'chunk', 'dimension', 'provider',
  'vendor', 'partner', 'integration', 'external', 'internal', 'source', 'destination', 'target', 'origin',
  'ended', 'reason', 'role', 'kind', 'family', 'friend', 'relative', 'emergency', 'contact', 'support',
  'help', 'faq', 'question', 'answer', 'option', 'choice', 'selected', 'selection', 'survey', 'form',
  'step', 'steps', 'wizard', 'onboarding', 'tutorial', 'tour', 'intro', 'welcome', 'greeting', 'farewell',
  'subject', 'sender', 'recipient', 'receiver', 'cc', 'bcc', 'reply', 'forward', 'inbox', 'outbox', 'spam',
  'junk', 'trash', 'archive', 'star', 'starred', 'pinned', 'pin', 'muted', 'blocked', 'banned', 'flagged',
  'reported', 'deleted', 'removed', 'restored', 'moved', 'copied', 'merged', 'split', 'imported',
  'exported', 'synced', 'sync', 'last', 'seen', 'online', 'offline', 'away', 'busy', 'available', 'free',
  'paid', 'premium', 'pro', 'basic', 'standard', 'enterprise', 'starter', 'growth', 'scale', 'mrr',
  'arr', 'ltv', 'churn', 'cohort', 'segment', 'funnel', 'conversion', 'revenue', 'profit', 'margin',
  'employees', 'headcount', 'industry', 'sector', 'website', 'domain', 'ip', 'mac', 'dns', 'ssl', 'tls',
  'cert', 'certificate', 'public', 'key', 'cipher', 'algorithm', 'iteration', 'rounds', 'nonce', 'iv',
  'signature', 'signed', 'unsigned', 'verified', 'trusted', 'untrusted', 'safe', 'unsafe', 'secure',
  'insecure', 'risk', 'threat', 'vulnerability', 'severity', 'priority', 'urgency', 'impact', 'effort',
  'estimate', 'story', 'epic', 'sprint', 'backlog', 'board', 'column', 'lane', 'swimlane', 'card', 'wall',
  'feed', 'timeline', 'stream', 'river', 'capacity', 'room', 'building', 'floor', 'desk', 'seat', 'slot',
  'booking', 'reservation', 'appointment', 'calendar', 'meeting', 'call', 'conference', 'webinar',
  'recording', 'transcript', 'clip', 'frame', 'fps', 'bitrate', 'codec', 'resolution', 'quality',
  'rating', 'review', 'stars', 'vote', 'poll', 'sentiment', 'emoji', 'sticker', 'gif', 'media', 'asset',
  'resource', 'material', 'supply', 'supplies', 'equipment', 'tool', 'instrument', 'kit', 'part',
  'component', 'module', 'plugin', 'addon', 'extension', 'widget', 'button', 'link', 'menu', 'tab',
  'panel', 'modal', 'dialog', 'popup', 'tooltip', 'banner', 'hero', 'header', 'footer', 'sidebar',
  'nav', 'navigation', 'breadcrumb', 'route', 'router', 'path', 'slug', 'anchor', 'hash', 'query',
  'param', 'params', 'argument', 'args', 'env', 'variable', 'secret', 'credential', 'vault', 'kms',
  'encryption', 'encrypted', 'decrypted', 'plain', 'plaintext', 'ciphertext', 'masked', 'redacted',
  'anonymized', 'pseudonymized', 'hashed', 'tokenized', 'sanitized', 'normalized', 'lowercase',
  'uppercase', 'trimmed', 'formatted', 'display', 'render', 'rendered', 'preview', 'thumbnail', 'cover',
  'background', 'foreground', 'border', 'shadow', 'opacity', 'blur', 'radius', 'rounded', 'corner',
  'alignment', 'align', 'direction', 'orientation', 'rotation', 'scale', 'zoom', 'pan', 'tilt', 'crop',
  'mode', 'dark', 'light', 'contrast', 'accessibility', 'a11y', 'i18n', 'l10n', 'rtl', 'ltr', 'font',
  'size', 'weight', 'family', 'italic', 'bold', 'underline', 'strike', 'line', 'spacing', 'indent',
  'quote', 'code', 'block', 'inline', 'list', 'bullet', 'numbered', 'heading', 'paragraph', 'section',
  'chapter', 'volume', 'issue', 'edition', 'isbn', 'doi', 'citation', 'reference', 'bibliography',
  'footnote', 'glossary', 'term', 'definition', 'synonym', 'antonym', 'translation', 'transliteration',
  'pronunciation', 'phonetic', 'audio', 'speaker', 'listener', 'volume', 'mute', 'pitch', 'speed',
  'tempo', 'beat', 'bpm', 'key', 'scale', 'chord', 'note', 'melody', 'rhythm', 'song', 'track', 'album',
  'artist', 'genre', 'playlist', 'station', 'episode', 'season', 'series', 'show', 'movie', 'film',
  'trailer', 'poster', 'cast', 'crew', 'director', 'producer', 'studio', 'network', 'broadcast',
  'schedule', 'slot', 'airtime', 'runtime', 'watch', 'watched', 'progress', 'completion', 'completed',
  'percent', 'streak', 'best', 'worst', 'personal', 'record', 'leaderboard', 'ranking', 'place',
  'winner', 'loser', 'draw', 'tie', 'match', 'round', 'turn', 'move', 'board', 'piece', 'player', 'team',
  'opponent', 'referee', 'coach', 'league', 'division', 'conference', 'tournament', 'bracket', 'seed',
  'hint', 'tip', 'trick', 'secret', 'level', 'world', 'map', 'tile', 'sprite', 'texture', 'mesh',
  'shader', 'material', 'light', 'camera', 'scene', 'object', 'entity', 'component', 'system',
  'registration', 'registered', 'enrollment', 'enrolled', 'intake', 'onboarded', 'offboarded',
  'terminated', 'suspended', 'cancelled', 'canceled', 'expired', 'renewed', 'renewal', 'upgraded',
  'downgraded', 'migrated', 'converted', 'refunded', 'disputed', 'chargeback', 'payout', 'transfer',
  'deposit', 'withdrawal', 'wallet', 'ledger', 'journal', 'debit', 'credit', 'asset', 'liability',
  'equity', 'income', 'expense', 'gain', 'loss', 'tax', 'vat', 'gst', 'receipt', 'quote', 'estimate',
  'proposal', 'contract', 'agreement', 'terms', 'signature', 'signer', 'witness', 'notary', 'seal',
  'stamp', 'approval', 'approver', 'reviewer', 'assignee', 'reporter', 'watcher', 'subscriber',
  'follower', 'fan', 'friend', 'connection', 'network', 'graph', 'edge', 'node', 'vertex', 'weight',
  'distance', 'radius', 'area', 'perimeter', 'volume', 'density', 'mass', 'force', 'energy', 'power',
  'voltage', 'current', 'resistance', 'frequency', 'wavelength', 'amplitude', 'phase', 'signal', 'noise',
  'humidity', 'pressure', 'altitude', 'elevation', 'depth', 'speed', 'acceleration', 'heading',
  'bearing', 'direction', 'compass', 'north', 'south', 'east', 'west', 'timezone', 'utc', 'offset',
  'dst', 'locale', 'encoding', 'charset', 'utf', 'ascii', 'unicode', 'emoji', 'keyboard', 'mouse',
  'touch', 'gesture', 'swipe', 'tap', 'press', 'hold', 'drag', 'drop', 'scroll', 'hover', 'focus',
  'blur', 'change', 'submit', 'reset', 'cancel', 'confirm', 'accept', 'decline', 'ignore', 'dismiss',
  'snooze', 'remind', 'notify', 'subscribe', 'unsubscribe', 'opt', 'in', 'out', 'up', 'down',
  'reg', 'chart', 'store', 'stored', 'valueuom', 'uom',
  'itemid', 'item', 'seq', 'num', 'anchor', 'group', 'careunit', 'first', 'last', 'intime', 'outtime',
  'hadm', 'stay', 'subject', 'long', 'short', 'title', 'fluid', 'interval', 'lockout', 'basal',
  'sliding', 'scale', 'bag', 'rate', 'original', 'total', 'warning', 'error', 'comments', 'priority',
  'spec', 'dilution', 'isolate', 'quantity', 'ordercategory', 'linksto', 'abbreviation', 'param',
  'lownormal', 'highnormal', 'periodic', 'aperiodic', 'charting', 'nurse', 'physical', 'exam',
  'occurrence', 'exposure', 'era', 'period', 'verbatim', 'modifier', 'qualifier', 'operator',
  'range', 'low', 'high', 'lot', 'production', 'quantity', 'unique', 'fact', 'relationship', 'domain',
  'vocabulary', 'concept', 'ancestor', 'descendant', 'synonym', 'invalid', 'valid', 'standard',
  'sponsor', 'payer', 'plan', 'revenue', 'paid', 'allowed', 'ingredient', 'dispensing', 'gap',
  'preceding', 'detail', 'admitted', 'discharged', 'place', 'npi', 'dea', 'specialty', 'speciality',
  'gender', 'race', 'ethnicity', 'organization', 'encounterclass', 'base', 'claim', 'utilization',
  'ownership', 'owner', 'start', 'stop', 'modality', 'sop', 'series', 'instance',
  'procedure', 'supplies', 'department', 'appointment', 'illness', 'lastbilled',
  'transaction', 'transfer', 'adjustment', 'unit', 'units', 'notes', 'line', 'note', 'diagnosis',
  'referring', 'supervising', 'department', 'healthcare', 'coverage', 'expenses', 'income', 'prefix',
  'suffix', 'maiden', 'marital', 'birthplace', 'fips', 'county', 'lat', 'lon', 'drivers', 'passport',
  'clinician', 'workforce', 'opening', 'closing', 'hours', 'holiday', 'schedule', 'availability',
  'timezone', 'notebook', 'passenger', 'bypass', 'asset', 'adobe', 'page', 'quiz', 'room', 'rooms',
  'academic', 'scenario', 'acid', 'incident', 'project', 'md', 'attachments', 'organizations',
  'statement', 'billing', 'chat', 'chats', 'ui', 'prefs', 'dark', 'streak', 'stats', 'followup',
  'followups', 'voice', 'settings', 'ai', 'llm', 'worker', 'workers', 'themes', 'rules', 'orders',
  'jobs', 'experiments', 'versions', 'analyses', 'profiles', 'employers', 'consent', 'given',
  'coverage', 'providers', 'vehicles', 'biometrics', 'genomics', 'conditions', 'sessions', 'assessments',
  'diagnoses', 'integrations', 'oauth', 'accounts', 'courses', 'scenarios', 'samples', 'reports',
  'projects', 'manager', 'file', 'files', 'rides', 'feature', 'flags', 'assets', 'ui', 'quizzes',
  'appointments', 'users', 'mail', 'devices', 'push', 'tokens', 'biometric', 'voiceprint', 'api', 'keys',
  'ivr', 'travel', 'clinic', 'best', 'drug', 'arv', 'modes', 'custom', 'join', 'dark', 'played', 'today',
  'had', 'social', 'interaction', 'clerk', 'active', 'input', 'inputtype', 'embedding', 'tokens',
  'used', 'ended', 'effective', 'lcd', 'sync', 'ehr', 'encrypted', 'filled', 'exams', 'mail', 'address',
  'heartbeat', 'rate', 'acid', 'image', 'alert', 'order', 'job', 'ab', 'group', 'release', 'notebook',
  'company', 'display', 'deleted', 'created', 'hash', 'pass', 'security', 'one', 'two', 'three',
  'digit', 'digits', 'chars', 'characters', 'word', 'words', 'sentence', 'sentences', 'paragraphs',
  'reset', 'forgot', 'forgotten', 'recover', 'recovery', 'backup', 'primary', 'fallback', 'mfa',
  'factor', 'otp', 'totp', 'sms', 'whatsapp', 'telegram', 'signal', 'slack', 'discord', 'teams', 'zoom',
  'meet', 'skype', 'webex', 'jitsi', 'daily', 'twilio', 'vonage', 'agora', 'livekit', 'mux', 'vimeo',
  'youtube', 'spotify', 'apple', 'google', 'microsoft', 'amazon', 'aws', 'gcp', 'azure', 'stripe',
  'paypal', 'braintree', 'adyen', 'square', 'shopify', 'woocommerce', 'magento', 'hubspot',
  'salesforce', 'zendesk', 'intercom', 'segment', 'mixpanel', 'amplitude', 'sentry', 'datadog',
  'vercel', 'netlify', 'heroku', 'render', 'fly', 'railway', 'supabase', 'firebase', 'clerk', 'auth0',
  'okta', 'cognito', 'keycloak', 'workos', 'kinde', 'stytch', 'magic', 'passkey', 'webauthn', 'fido',
  'passenger', 'message', 'messages', 'images', 'percentage', 'coverage', 'dosage', 'storage',
];
