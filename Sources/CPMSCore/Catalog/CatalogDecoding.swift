// How each data file's objects become model values; the keys are documented in Data/README.md.

extension Principle {
  init(_ object: DataObject) {
    self.init(
      number: object.int("number"), title: object.string("title"),
      group: object.choice("group", Group.self) ?? .crc, summary: object.string("summary"),
      questions: object.strings("questions"))
  }
}

extension Pillar {
  init(_ object: DataObject) {
    self.init(
      number: object.int("number"), title: object.string("title"), firstStandard: object.int("firstStandard"),
      lastStandard: object.int("lastStandard"), summary: object.string("summary"),
      workshopUse: object.string("workshopUse"))
  }
}

extension InspireStrategy {
  init(_ object: DataObject) {
    self.init(
      id: object.string("id"), letter: object.string("letter"), title: object.string("title"),
      preventive: object.bool("preventive"), summary: object.string("summary"))
  }
}

extension CoordinationFunction {
  init(_ object: DataObject) {
    self.init(
      id: object.string("id"), title: object.string("title"), aim: object.string("aim"),
      references: object.objects("references") { reference in
        Reference(
          part: reference.choice("part", Part.self) ?? .whole, standards: reference.ints("standards"),
          principles: reference.ints("principles"), note: reference.string("note"))
      },
      inPractice: object.strings("inPractice"))
  }
}

extension Standard {
  init(_ object: DataObject) {
    self.init(
      notice: object.string("notice"), number: object.int("number"), title: object.string("title"),
      pillar: object.int("pillar"), statement: object.string("statement"),
      relatedPrinciples: object.ints("relatedPrinciples"), linkedStandards: object.ints("linkedStandards"),
      inspire: object.object("inspire") { link in
        InspireLink(strategies: link.strings("strategies"), note: link.string("note"))
      } ?? InspireLink(strategies: [], note: ""),
      keyActions: object.objects("keyActions") { action in
        KeyAction(
          id: action.string("id"), phase: action.choice("phase", Phase.self) ?? .response,
          actor: action.choice("actor", Actor.self, required: false), text: action.string("text"))
      },
      indicators: object.objects("indicators", Indicator.init),
      additionalMeasures: object.optionalObjects("additionalMeasures", Indicator.init),
      guidanceNotes: object.optionalObjects("guidanceNotes") { note in
        GuidanceNote(id: note.string("id"), title: note.string("title"), summary: note.string("summary"))
      },
      provenance: object.string("provenance"), contextualization: nil)
  }
}

extension Indicator {
  /// A core indicator or an additional measure: both carry the structured fields.
  init(_ object: DataObject) {
    self.init(
      id: object.string("id"), text: object.string("text"), target: object.target("target"),
      note: object.string("note"), type: object.choice("type", IndicatorType.self),
      numerator: object.optionalString("numerator"), denominator: object.optionalString("denominator"),
      dataSource: object.strings("dataSource"), disaggregation: object.choices("disaggregation", Disaggregation.self),
      officialId: object.optionalString("officialId"), basis: object.choice("basis", IndicatorBasis.self))
  }
}

extension WorkshopGuide {
  init(_ object: DataObject) {
    self.init(
      notice: object.string("notice"), aims: object.strings("aims"), sessionFormat: object.string("sessionFormat"),
      keyQuestions: object.objects("keyQuestions") { question in
        KeyQuestion(
          number: question.int("number"), pillar: question.optionalInt("pillar"), text: question.string("text"))
      },
      situations: object.objects("situations") { situation in
        SituationGuidance(
          id: situation.string("id"), title: situation.string("title"), rule: situation.string("rule"),
          advice: situation.strings("advice"))
      },
      reminders: object.strings("reminders"), factors: object.strings("factors"),
      sessions: object.objects("sessions") { session in
        Session(
          number: session.int("number"), title: session.string("title"), aim: session.string("aim"),
          prepare: session.strings("prepare"), produces: session.strings("produces"))
      },
      programmeCycle: object.objects("programmeCycle") { stage in
        Stage(
          id: stage.string("id"), title: stage.string("title"), summary: stage.string("summary"),
          sections: stage.strings("sections"), documentComponents: stage.optionalStrings("documentComponents"),
          facts: stage.optionalStrings("facts"),
          glossary: stage.optionalObjects("glossary") { term in
            Term(term: term.string("term"), meaning: term.string("meaning"))
          }, tips: stage.strings("tips"),
          reflectionQuestions: stage.strings("reflectionQuestions"))
      },
      selectionTips: object.objects("selectionTips") { tip in
        SelectionTip(stage: tip.string("stage"), standards: tip.ints("standards"), text: tip.string("text"))
      },
      promotion: object.strings("promotion"),
      access: object.object("access") { access in
        Access(
          languages: access.strings("languages"),
          formats: access.objects("formats") { format in
            AccessFormat(format: format.string("format"), detail: format.string("detail"))
          })
      } ?? Access(languages: [], formats: []),
      learningMaterials: object.objects("learningMaterials") { material in
        LearningMaterial(title: material.string("title"), detail: material.string("detail"))
      },
      exampleDocuments: object.objects("exampleDocuments") { example in
        ExampleDocument(
          function: example.string("function"), country: example.string("country"),
          document: example.string("document"), year: example.optionalString("year"))
      })
  }
}
