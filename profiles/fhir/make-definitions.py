#!/usr/bin/env python3
"""Writes the FHIR definitions of profiles/fhir/ (StructureDefinitions, ValueSets, CodeSystems) from the facts of
domain.md §2, §3.4-3.5 and §8.1/§8.4. They are ours, not the official PDSm / FR Core artefacts, and use the canonical base
https://dui-conformance.invalid/fhir/. Run: python3 profiles/fhir/make-definitions.py (deterministic output)."""
import json, os
OUT = os.path.dirname(os.path.abspath(__file__))
os.makedirs(OUT, exist_ok=True)
B = 'https://dui-conformance.invalid/fhir/'
SD = B + 'StructureDefinition/'
VS = B + 'ValueSet/'
CORE = 'http://hl7.org/fhir/StructureDefinition/'
FRC = 'https://hl7.fr/ig/fhir/core/StructureDefinition/'
MHD = 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/'
NOS = 'https://mos.esante.gouv.fr/NOS/'
INS = ['1.2.250.1.213.1.4.8', '1.2.250.1.213.1.4.9', '1.2.250.1.213.1.4.10', '1.2.250.1.213.1.4.11']
INS_EXPR = "identifier.where(system = 'urn:oid:1.2.250.1.213.1.4.8' or system = 'urn:oid:1.2.250.1.213.1.4.9' or system = 'urn:oid:1.2.250.1.213.1.4.10' or system = 'urn:oid:1.2.250.1.213.1.4.11').exists()"

def write(name, res):
    with open(os.path.join(OUT, name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(res, f, ensure_ascii=False, indent=2)
        f.write('\n')

def el(id, min=None, max=None, **kw):
    e = {'id': id, 'path': '.'.join(p.split(':')[0] for p in id.split('.'))}
    if ':' in id.split('.')[-1]:
        e['sliceName'] = id.split('.')[-1].split(':')[1]
    if 'short' in kw: e['short'] = kw.pop('short')
    if min is not None: e['min'] = min
    if max is not None: e['max'] = max
    e.update(kw)
    return e

def slicing(path, dtype='value', rules='open'):
    return {'discriminator': [{'type': dtype, 'path': path}], 'rules': rules}

def binding(strength, vs, desc):
    return {'strength': strength, 'description': desc, 'valueSet': VS + vs}

def inv(key, human, expr, sev='error'):
    return {'key': key, 'severity': sev, 'human': human, 'expression': expr, 'source': ''}

def sd(id, type, base, title, desc, elements):
    return {
        'resourceType': 'StructureDefinition', 'id': id, 'url': SD + id, 'version': '0.1.0', 'name': id.replace('-', '_'),
        'title': title, 'status': 'draft', 'publisher': 'DuiConformance',
        'description': desc, 'fhirVersion': '4.0.1', 'kind': 'resource', 'abstract': False, 'type': type,
        'baseDefinition': base, 'derivation': 'constraint', 'differential': {'element': elements}}

def cs(id, url, title, desc, concepts, content='complete'):
    write('CodeSystem-' + id, {'resourceType': 'CodeSystem', 'id': id, 'url': url, 'name': id.replace('-', '_'), 'title': title,
        'status': 'draft', 'publisher': 'DuiConformance', 'description': desc, 'content': content, 'caseSensitive': True,
        'count': len(concepts), 'concept': [{'code': c, 'display': d} for c, d in concepts]})

def vs(id, title, desc, includes):
    write('ValueSet-' + id, {'resourceType': 'ValueSet', 'id': id, 'url': VS + id, 'name': id.replace('-', '_'), 'title': title,
        'status': 'draft', 'publisher': 'DuiConformance', 'description': desc, 'compose': {'include': includes}})

WHOLE = ' The code list of this system is not in domain.md: the whole system is included, so membership is only checked on the system (the checker says it cannot verify the code offline), and the binding stays extensible.'

# --- Code systems and value sets (domain.md §3.4, §3.5, §2.4)
cs('tre-a07-statut-visibilite-document', NOS + 'TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument',
   'TRE_A07 StatutVisibiliteDocument (codes from domain.md §3.5)',
   'Visibility and masking codes of a DMP document, OID 1.2.250.1.213.1.1.4.13, as listed in domain.md §3.5 (written by DuiConformance, not the official terminology artefact).',
   [('INVISIBLE_PATIENT', 'Non visible par le patient'), ('INVISIBLE_REPRESENTANTS_LEGAUX', 'Non visible par les représentants légaux du patient'),
    ('MASQUE_PS', 'Masqué aux professionnels de santé'), ('MASQUE_PSOCIAL', 'Masqué aux professionnels du social'), ('MASQUE_PT', 'Masqué aux tiers')])
vs('dui-security-label', 'DMP security labels: N plus TRE_A07',
   'DUI-DMP-08 / PDSM-05 (domain.md §3.5, §8.3 DMP-08, §8.4 PDSM-05): confidentiality N (v3-Confidentiality) and the TRE_A07 codes only. Stricter than the PDSm binding (extensible to J08) because the DMP rule is.',
   [{'system': 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', 'concept': [{'code': 'N', 'display': 'normal'}]},
    {'system': NOS + 'TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument'}])
vs('dui-j07-type-code', 'J07 document type (systems only)', 'PDSm DocumentReference.type: J07, or LOINC / TRE_A05 / ASTM (domain.md §3.4).' + WHOLE,
   [{'system': 'http://loinc.org'}, {'system': NOS + 'TRE_A05-TypeDocComplementaire/FHIR/TRE-A05-TypeDocComplementaire'}, {'system': 'http://www.astm.org'}])
vs('dui-j06-class-code', 'J06 document class (systems only)', 'PDSm DocumentReference.category: J06 / TRE_A03 (domain.md §3.4).' + WHOLE,
   [{'system': NOS + 'TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument'}])
vs('dui-j10-format-code', 'J10 format code (systems only)', 'PDSm content.format: J10 / J60 (domain.md §3.4, §8.4 PDSM-04).' + WHOLE,
   [{'system': NOS + 'TRE_A06-FormatCodeComplementaire/FHIR/TRE-A06-FormatCodeComplementaire'}, {'system': 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode'}])
vs('dui-j02-facility-type', 'J02 facility type (systems only)', 'PDSm context.facilityType: J02 / TRE_R02, or TRE_A00 when the author is the patient (domain.md §3.4, §8.4 PDSM-04 also names J61).' + WHOLE,
   [{'system': NOS + 'TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite'}, {'system': NOS + 'TRE_A00-ProducteurDocNonPS/FHIR/TRE-A00-ProducteurDocNonPS'}])
vs('dui-j04-practice-setting', 'J04 practice setting (systems only)', 'PDSm context.practiceSetting: J04 / J62 (domain.md §3.4, §8.4 PDSM-04), coded in TRE_A01 CadreExercice.' + WHOLE,
   [{'system': NOS + 'TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice'}])
vs('dui-j03-designation-type', 'J03 SubmissionSet content type (systems only)', 'PDSm SubmissionSet designationType: J03 / TRE_R209 / TRE_R02 / TRE_A00 (domain.md §3.4, §8.4 PDSM-06).' + WHOLE,
   [{'system': NOS + 'TRE_R209-TypeActivite/FHIR/TRE-R209-TypeActivite'}, {'system': NOS + 'TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite'},
    {'system': NOS + 'TRE_A00-ProducteurDocNonPS/FHIR/TRE-A00-ProducteurDocNonPS'}])
vs('dui-ins-gender', 'INS gender', 'fr-core-patient-ins gender: male, female or unknown (domain.md §2.4).',
   [{'system': 'http://hl7.org/fhir/administrative-gender', 'concept': [{'code': 'male'}, {'code': 'female'}, {'code': 'unknown'}]}])

# --- FR Core Patient (domain.md §2.3, §2.4, §5.2)
ins_slices = []
for name, oid, use, typ in [('INS-NIR', INS[0], 'official', 'INS-NIR'), ('INS-NIA', INS[1], 'temp', 'INS-NIA'), ('INS-NIR-TEST', INS[2], 'official', None), ('INS-NIR-DEMO', INS[3], 'official', None)]:
    ins_slices += [el('Patient.identifier:' + name, 0, '1', short=f'INS {oid}'),
                   el(f'Patient.identifier:{name}.use', 1, '1', fixedCode=use),
                   el(f'Patient.identifier:{name}.system', 1, '1', fixedUri='urn:oid:' + oid),
                   el(f'Patient.identifier:{name}.value', 1, '1')]
write('StructureDefinition-dui-fr-core-patient', sd('dui-fr-core-patient', 'Patient', CORE + 'Patient', 'FR Core Patient (DuiConformance)',
  'FR Core Patient as domain.md §2.3–2.4 and §5.2 describe it: identity reliability extension, INS identifier slices (INS-NIR use=official, INS-NIA use=temp, test and demo OIDs), and when an INS is carried, the traits fr-core-patient-ins requires (as invariants). The NIR key and the production vs test OIDs are dedicated rules of the checker (FHIR-5212, FHIR-5213).',
  [el('Patient', constraint=[
      inv('dui-ins-1', "Un INS n'est transmis qu'avec le statut de confiance (identityReliability) renseigné", f"{INS_EXPR} implies extension.where(url = '{FRC}fr-core-identity-reliability').exists()"),
      inv('dui-ins-2', 'Avec un INS : date de naissance, sexe, lieu de naissance (code INSEE) et un nom officiel avec un seul prénom', f"{INS_EXPR} implies (birthDate.exists() and gender.exists() and extension.where(url = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace').exists() and name.where(use = 'official').count() = 1 and name.where(use = 'official').given.count() = 1)"),
      inv('dui-ins-3', "Avec un INS : le nom officiel porte la liste complète des prénoms de naissance (birth-list-given-name)", f"{INS_EXPR} implies name.where(use = 'official').extension.where(url = '{FRC}fr-core-patient-birth-list-given-name').exists()"),
    ]),
   el('Patient.extension', slicing=slicing('url')),
   el('Patient.extension:identityReliability', 0, '*'),
   el('Patient.extension:identityReliability.url', 1, '1', fixedUri=FRC + 'fr-core-identity-reliability'),
   el('Patient.extension:birthPlace', 0, '1'),
   el('Patient.extension:birthPlace.url', 1, '1', fixedUri='http://hl7.org/fhir/StructureDefinition/patient-birthPlace'),
   el('Patient.identifier', slicing=slicing('system')),
   *ins_slices,
   el('Patient.name', slicing=slicing('use')),
   el('Patient.name:officialName', 0, '1'),
   el('Patient.name:officialName.use', 1, '1', fixedCode='official'),
   el('Patient.name:usualName', 0, '1'),
   el('Patient.name:usualName.use', 1, '1', fixedCode='usual'),
  ]))
write('StructureDefinition-dui-fr-core-patient-ins', sd('dui-fr-core-patient-ins', 'Patient', SD + 'dui-fr-core-patient', 'FR Core Patient INS (DuiConformance)',
  'fr-core-patient-ins as domain.md §2.4 and §8.1 INS-11 describe it: identityReliability 1..*, birthPlace 1..1, gender 1..1 (male/female/unknown), birthDate 1..1, name[officialName] 1..1 with exactly one given name and the birth-list-given-name extension.',
  [el('Patient.extension:identityReliability', 1, '*'),
   el('Patient.extension:birthPlace', 1, '1'),
   el('Patient.gender', 1, '1', binding=binding('required', 'dui-ins-gender', 'male, female or unknown')),
   el('Patient.birthDate', 1, '1'),
   el('Patient.name:officialName', 1, '1'),
   el('Patient.name:officialName.family', 1, '1'),
   el('Patient.name:officialName.given', 1, '1'),
   el('Patient.name:officialName.extension', slicing=slicing('url')),
   el('Patient.name:officialName.extension:birthListGivenName', 1, '1'),
   el('Patient.name:officialName.extension:birthListGivenName.url', 1, '1', fixedUri=FRC + 'fr-core-patient-birth-list-given-name'),
  ]))

# --- PDSm comprehensive DocumentReference (domain.md §3.4, §3.5, §8.4 PDSM-02..05)
dr = [
  el('DocumentReference', constraint=[
      inv('dui-pdsm-dr-1', "masterIdentifier : système urn:ietf:rfc:3986 et valeur urn:oid: ou urn:uuid:", "masterIdentifier.exists() implies (masterIdentifier.system = 'urn:ietf:rfc:3986' and (masterIdentifier.value.startsWith('urn:oid:') or masterIdentifier.value.startsWith('urn:uuid:')))"),
      inv('dui-pdsm-dr-2', 'Chaque auteur référencé localement (#id) est une ressource contenue', "author.reference.where(startsWith('#')).all(%resource.contained.id contains substring(1))"),
      inv('dui-pdsm-dr-3', 'Un remplacement (relatesTo) porte le code replaces et une cible', "relatesTo.all(code = 'replaces' and target.exists())"),
    ]),
  el('DocumentReference.contained', 1, '*'),
  el('DocumentReference.masterIdentifier', 1, '1'),
  el('DocumentReference.masterIdentifier.system', 1, '1', fixedUri='urn:ietf:rfc:3986'),
  el('DocumentReference.masterIdentifier.value', 1, '1'),
  el('DocumentReference.type', 1, '1', binding=binding('extensible', 'dui-j07-type-code', 'J07')),
  el('DocumentReference.category', 1, '*', binding=binding('extensible', 'dui-j06-class-code', 'J06')),
  el('DocumentReference.subject', 1, '1', type=[{'code': 'Reference', 'targetProfile': [CORE + 'Patient']}]),
  el('DocumentReference.date', 1, '1'),
  el('DocumentReference.author', 1, '*'),
  el('DocumentReference.custodian', 1, '1'),
  el('DocumentReference.securityLabel', 0, '*', binding=binding('required', 'dui-security-label', 'N + TRE_A07 (DMP)')),
  el('DocumentReference.content.attachment.contentType', 1, '1'),
  el('DocumentReference.content.attachment.language', 1, '1', fixedCode='fr-FR'),
  el('DocumentReference.content.attachment.size', 1, '1'),
  el('DocumentReference.content.attachment.hash', 1, '1'),
  el('DocumentReference.content.attachment.title', 1, '1'),
  el('DocumentReference.content.format', 1, '1', binding=binding('extensible', 'dui-j10-format-code', 'J10')),
  el('DocumentReference.context', 1, '1'),
  el('DocumentReference.context.period', 1, '1'),
  el('DocumentReference.context.period.start', 1, '1'),
  el('DocumentReference.context.facilityType', 1, '1', binding=binding('extensible', 'dui-j02-facility-type', 'J02')),
  el('DocumentReference.context.practiceSetting', 1, '1', binding=binding('extensible', 'dui-j04-practice-setting', 'J04')),
]
write('StructureDefinition-dui-pdsm-comprehensive-document-reference', sd('dui-pdsm-comprehensive-document-reference', 'DocumentReference', CORE + 'DocumentReference',
  'PDSm comprehensive DocumentReference (DuiConformance)',
  'PDSm_ComprehensiveDocumentReference as domain.md §3.4 describes it (masterIdentifier, contained authors, custodian, date, type J07, category J06, securityLabel, attachment size/hash/title/language fr-FR, format J10, context period start, facility type J02, practice setting J04). securityLabel is bound REQUIRED to N + TRE_A07 because of the DMP rule (§3.5, DMP-08), stricter than PDSm.',
  dr))

write('StructureDefinition-dui-pdsm-simplified-publish', sd('dui-pdsm-simplified-publish', 'DocumentReference', CORE + 'DocumentReference',
  'PDSm ITI-105 simplified publish (DuiConformance)',
  'PDSm_SimplifiedPublish as domain.md §3.4 and §8.4 PDSM-08 describe it: status current, attachment.data 1..1, attachment.url 0..0, contentType 1..1, subject 1..1, author 1..*.',
  [el('DocumentReference.status', 1, '1', fixedCode='current'),
   el('DocumentReference.subject', 1, '1', type=[{'code': 'Reference', 'targetProfile': [CORE + 'Patient']}]),
   el('DocumentReference.author', 1, '*'),
   el('DocumentReference.securityLabel', 0, '*', binding=binding('required', 'dui-security-label', 'N + TRE_A07 (DMP)')),
   el('DocumentReference.content.attachment.contentType', 1, '1'),
   el('DocumentReference.content.attachment.data', 1, '1'),
   el('DocumentReference.content.attachment.url', 0, '0')]))

# --- SubmissionSet List (domain.md §3.4, §8.4 PDSM-06)
write('StructureDefinition-dui-pdsm-submissionset', sd('dui-pdsm-submissionset', 'List', CORE + 'List', 'PDSm SubmissionSet (DuiConformance)',
  'PDSm_SubmissionSetComprehensive as domain.md §3.4 and §8.4 PDSM-06 describe it: designationType and sourceId extensions, identifier[uniqueId] (use usual) and identifier[entryUUID] (use official), source (or the authorOrg extension), subject, date.',
  [el('List', constraint=[inv('dui-pdsm-ss-1', "La source est renseignée (source, ou l'extension authorOrg pour une organisation auteur)", "source.exists() or extension.where(url.endsWith('authorOrg')).exists()")]),
   el('List.extension', 2, '*', slicing=slicing('url')),
   el('List.extension:designationType', 1, '1'),
   el('List.extension:designationType.url', 1, '1', fixedUri=MHD + 'ihe-designationType'),
   el('List.extension:designationType.value[x]', 1, '1', type=[{'code': 'CodeableConcept'}], binding=binding('extensible', 'dui-j03-designation-type', 'J03')),
   el('List.extension:sourceId', 1, '1'),
   el('List.extension:sourceId.url', 1, '1', fixedUri=MHD + 'ihe-sourceId'),
   el('List.extension:sourceId.value[x]', 1, '1', type=[{'code': 'Identifier'}]),
   el('List.identifier', 2, '*', slicing=slicing('use')),
   el('List.identifier:uniqueId', 1, '1'),
   el('List.identifier:uniqueId.use', 1, '1', fixedCode='usual'),
   el('List.identifier:uniqueId.value', 1, '1'),
   el('List.identifier:entryUUID', 1, '*'),
   el('List.identifier:entryUUID.use', 1, '1', fixedCode='official'),
   el('List.status', 1, '1', fixedCode='current'),
   el('List.mode', 1, '1', fixedCode='working'),
   el('List.code', 1, '1', patternCodeableConcept={'coding': [{'system': 'https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes', 'code': 'submissionset'}]}),
   el('List.subject', 1, '1', type=[{'code': 'Reference', 'targetProfile': [CORE + 'Patient']}]),
   el('List.date', 1, '1'),
   el('List.entry', 1, '*')]))

# --- ITI-65 Provide Document Bundle (domain.md §3.4, §8.4 PDSM-01)
write('StructureDefinition-dui-pdsm-provide-document-bundle', sd('dui-pdsm-provide-document-bundle', 'Bundle', CORE + 'Bundle', 'PDSm ITI-65 Provide Document Bundle (DuiConformance)',
  'PDSm_ComprehensiveProvideDocumentBundle as domain.md §3.4 and §8.4 PDSM-01 describe it: a transaction with exactly one SubmissionSet List, one or more DocumentReference, Binary and Patient entries, every entry a POST with a fullUrl. Entries are sliced by resource type; a Folder List would be judged as a SubmissionSet (known limitation of this differential).',
  [el('Bundle', constraint=[
      inv('dui-pdsm-bundle-1', 'Exactement une List SubmissionSet', "entry.resource.ofType(List).where(code.coding.where(code = 'submissionset').exists()).count() = 1"),
      inv('dui-pdsm-bundle-2', "Chaque attachment.url d'une DocumentReference désigne une entrée du Bundle", "entry.resource.ofType(DocumentReference).content.attachment.url.all(startsWith('urn:uuid:') implies (%resource.entry.fullUrl contains $this))"),
    ]),
   el('Bundle.type', 1, '1', fixedCode='transaction'),
   el('Bundle.entry', 2, '*', slicing=slicing('resource', 'type')),
   el('Bundle.entry.fullUrl', 1, '1'),
   el('Bundle.entry.request', 1, '1'),
   el('Bundle.entry.request.method', 1, '1', fixedCode='POST'),
   el('Bundle.entry:SubmissionSet', 1, '1'),
   el('Bundle.entry:SubmissionSet.resource', 1, '1', type=[{'code': 'List', 'profile': [SD + 'dui-pdsm-submissionset']}]),
   el('Bundle.entry:DocumentRefs', 1, '*'),
   el('Bundle.entry:DocumentRefs.resource', 1, '1', type=[{'code': 'DocumentReference', 'profile': [SD + 'dui-pdsm-comprehensive-document-reference']}]),
   el('Bundle.entry:Documents', 0, '*'),
   el('Bundle.entry:Documents.resource', 1, '1', type=[{'code': 'Binary'}]),
   el('Bundle.entry:Patient', 0, '*'),
   el('Bundle.entry:Patient.resource', 1, '1', type=[{'code': 'Patient', 'profile': [SD + 'dui-fr-core-patient']}])]))
print('ok')
