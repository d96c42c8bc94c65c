/** Textes français du diagnostic (mêmes clés et conventions que en.ts). */
import type { Messages } from "./index.ts";

export const fr: Messages = {
  "report.title": "Diagnostic d’e-réputation",
  "report.for": "pour {name}",
  "report.generated": "Rapport établi le {generatedDate}",
  "headline.ok": {
    one: "{name} : score de réputation {score}/100 (note {grade}), d’après {n} avis ou mention.",
    other: "{name} : score de réputation {score}/100 (note {grade}), d’après {n} avis et mentions.",
  },
  "headline.scoreLabel": "Score de réputation :",
  "headline.none": "{name} : pas encore assez de données pour calculer un score de réputation.",

  "section.summary": "En bref",
  "section.score": "Score de réputation",
  "section.coverage": "Sur quoi repose ce rapport",
  "section.rating": "Note en étoiles",
  "section.nps": "Estimation du NPS",
  "section.sentiment": "Tonalité des avis",
  "section.emotions": "Émotions exprimées",
  "section.aspects": "Les sept composantes de l’expérience client",
  "section.touchpoints": "Où l’expérience a eu lieu",
  "section.strengths": "Points forts, avec les mots de vos clients",
  "section.irritants": "Irritants, avec les mots de vos clients",
  "section.negative": "Derniers avis négatifs",
  "section.mismatches": "Étoiles en contradiction avec le texte",
  "section.response": "Vos réponses",
  "section.trend": "Les 12 derniers mois",
  "section.competitors": "Comparaison avec les concurrents",
  "section.recommendations": "Que faire maintenant",
  "section.methodology": "Méthode",

  "grade.label": "Note",
  "grade.value": "Note {grade}",
  "grade.scale": "Notes : A à partir de 80, B à partir de 65, C à partir de 50, D à partir de 35, E en dessous de 35.",
  "summary.topStrength": "Ce que vos clients apprécient le plus",
  "summary.topIrritant": "Leur principal irritant",
  "summary.noScore": "Pas encore de score",
  "recommendations.intro":
    "Classées par impact attendu. Chaque action découle des chiffres de ce rapport ; les citations sont les mots de vos clients.",
  notEnoughData: "Pas assez de données.",
  "score.note.ok":
    "Le score additionne cinq parties. Chacune est notée sur 100 puis pondérée ; les points affichés s’additionnent exactement pour donner le score.",
  "score.note.reweighted":
    "Certaines parties n’ont pas pu être mesurées ({missingKeys}) : leur poids a été réparti entre les autres, au prorata.",
  "score.note.none":
    "Pas assez de données : aucun avis noté ou analysé n’a été collecté, donc aucun score n’est donné.",
  "component.rating": "Note en étoiles (pondérée par la date et le volume)",
  "component.sentiment": "Tonalité des textes",
  "component.responsiveness": "Réponses aux avis négatifs",
  "component.activity": "Activité récente",
  "component.spread": "Présence sur plusieurs sources",
  "evidence.rating":
    "Moyenne pondérée {shrunk}/5 sur {n} avis notés (moyenne simple {raw}/5). Les avis récents comptent davantage ; les petits volumes sont ramenés vers {prior}/5, comme si l’on ajoutait {priorWeight} avis moyens.",
  "evidence.rating.declared":
    "Moyenne pondérée {shrunk}/5 sur {n} notes collectées et {declared} notes annoncées par les pages mais non collectées (moyenne globale {raw}/5). Les petits volumes sont ramenés vers {prior}/5, comme si l’on ajoutait {priorWeight} avis moyens.",
  "evidence.rating.missing":
    "Aucune note en étoiles collectée : cette partie est écartée et son poids réparti entre les autres.",
  "evidence.sentiment":
    "Tonalité moyenne {mean} sur une échelle de −1 à +1, sur {n} textes analysés ({posPct} % positifs, {negPct} % négatifs), pondérée par la date et ramenée vers la neutralité pour les petits volumes.",
  "evidence.sentiment.missing":
    "Aucun texte n’a pu être analysé : cette partie est écartée et son poids réparti entre les autres.",
  "evidence.responsiveness":
    "Avis négatifs ayant reçu une réponse publique de votre part : {replied} sur {total} ({ratePct} %).",
  "evidence.responsiveness.notVisible":
    "Aucune réponse du professionnel n’est visible sur ces sources : cette partie est écartée et son poids réparti entre les autres.",
  "evidence.responsiveness.noNegative":
    "Aucun avis négatif sur les sources où les réponses sont visibles, donc rien à quoi répondre : cette partie est écartée.",
  "evidence.activity": "{n} avis ou mentions sur les 90 derniers jours (note maximale à partir de {target}).",
  "evidence.spread": {
    one: "Avis trouvés sur {n} seule source (note maximale à partir de {target}).",
    other: "Avis trouvés sur {n} sources (note maximale à partir de {target}).",
  },

  "coverage.sentence": {
    one: "D’après {n} avis ou mention issu de {k} sources, collecté le {collectedDate}.",
    other: "D’après {n} avis et mentions issus de {k} sources, collectés le {collectedDate}.",
  },
  "coverage.sentence.oneSource": {
    one: "D’après {n} avis ou mention issu d’une seule source, collecté le {collectedDate}.",
    other: "D’après {n} avis et mentions issus d’une seule source, collectés le {collectedDate}.",
  },
  "coverage.none":
    "Aucun avis ni aucune mention n’a pu être collecté : la plupart des rubriques indiquent « pas assez de données ».",
  "coverage.source.reported": "{url} : {found} collectés sur {reported} annoncés par la plateforme.",
  "coverage.source.cap": "{url} : {found} collectés. Limite de la plateforme : {cap}",
  "coverage.source.reportedCap":
    "{url} : {found} collectés sur {reported} annoncés par la plateforme. Limite de la plateforme : {cap}",
  "coverage.period": "Dates de publication du {fromDate} au {toDate}.",
  "coverage.undated": {
    one: "{n} élément n’a pas de date de publication.",
    other: "{n} éléments n’ont pas de date de publication.",
  },

  "rating.note": {
    one: "Moyenne de {n} note, toutes les échelles ramenées sur 5.",
    other: "Moyenne de {n} notes, toutes les échelles ramenées sur 5.",
  },
  "rating.none": "Pas assez de données : aucune note en étoiles collectée.",
  "rating.average": "Note moyenne",
  "rating.distribution": "Répartition",
  "rating.bySource": "Par source",
  "rating.declared": "Note annoncée par la page",

  "nps.note":
    "Estimé à partir des étoiles : 5 = promoteur, 4 = passif, 1 à 3 = détracteur ; NPS = % de promoteurs − % de détracteurs. {unrated} mentions sans étoiles en sont exclues.",
  "nps.note.allRated":
    "Estimé à partir des étoiles : 5 = promoteur, 4 = passif, 1 à 3 = détracteur ; NPS = % de promoteurs − % de détracteurs. Toutes les mentions ont une note en étoiles.",
  "nps.none":
    "Pas assez de données : aucune note en étoiles, donc pas de NPS. {unrated} mentions sans étoiles ne sont pas comptées.",
  "nps.promoters": "Promoteurs",
  "nps.passives": "Passifs",
  "nps.detractors": "Détracteurs",

  "sentiment.note":
    "Chaque texte reçoit une tonalité de −1 (très négatif) à +1 (très positif) par notre analyse de texte. Les étoiles sont présentées à part et ne modifient jamais cette tonalité ; le score utilise les deux.",
  "sentiment.none": "Pas assez de données : aucun texte n’a pu être analysé.",
  "sentiment.positive": "Positif",
  "sentiment.neutral": "Neutre",
  "sentiment.negative": "Négatif",
  "sentiment.mean": "Tonalité moyenne",

  "emotions.note":
    "Part des textes analysés qui expriment chaque émotion, et son intensité moyenne (0 à 1) quand elle est exprimée.",
  "aspects.note":
    "Score de 0 à 100 par composante : 0 = uniquement des mentions négatives, 100 = uniquement positives. Sous 3 mentions, c’est une simple indication.",
  "aspects.lowVolume": "peu de mentions",
  "touchpoints.note": "Où les avis disent que l’expérience a eu lieu.",

  "quotes.none": "Aucun exemple clair dans les avis collectés.",
  "negative.count": {
    one: "{n} avis négatif au total (1 ou 2 étoiles, ou texte négatif sans étoiles). Aucun n’est masqué.",
    other: "{n} avis négatifs au total (1 ou 2 étoiles, ou texte négatif sans étoiles). Aucun n’est masqué.",
  },
  "mismatches.note": {
    one: "{n} avis dont les étoiles contredisent le texte (par exemple 5 étoiles et un texte négatif).",
    other: "{n} avis dont les étoiles contredisent le texte (par exemple 5 étoiles et un texte négatif).",
  },

  "response.note.ok":
    "{replied} avis sur {considered} ont une réponse publique de votre part ({ratePct} %) ; pour les avis négatifs : {negReplied} sur {negConsidered}. Délai médian de réponse : {medianHours}.",
  "response.note.noTiming":
    "{replied} avis sur {considered} ont une réponse publique de votre part ({ratePct} %) ; pour les avis négatifs : {negReplied} sur {negConsidered}. Les dates des réponses ne sont pas affichées : le délai est inconnu.",
  "response.note.notVisible":
    "Aucune réponse du professionnel n’est visible sur ces sources : impossible de mesurer vos réponses (soit il n’y en a pas, soit les plateformes ne les montrent pas).",
  "response.rate": "Taux de réponse",
  "response.median": "Délai médian de réponse",
  "response.negativeRate": "Taux de réponse aux avis négatifs",

  "trend.month": "Mois",
  "trend.count": "Avis",
  "trend.rating": "Note moyenne",
  "trend.sentiment": "Tonalité moyenne",

  "competitors.none": "Aucun concurrent n’a été indiqué.",
  "competitors.name": "Entreprise",
  "competitors.you": "vous",
  "competitors.score": "Score",
  "competitors.rating": "Note",
  "competitors.volume": "Avis",
  "competitors.sentiment": "Tonalité",
  "competitors.strength": "Point fort principal",
  "competitors.irritant": "Irritant principal",

  "rec.replyNegatives": {
    one: "Répondez publiquement à l’avis négatif resté sans réponse des 90 derniers jours, publié le {date} sur {source} : « {quote} »",
    other:
      "Répondez publiquement aux {n} avis négatifs restés sans réponse des 90 derniers jours, en commençant par celui du {date} sur {source} : « {quote} »",
  },
  "rec.replyNegatives.noText": {
    one: "Répondez publiquement à l’avis négatif resté sans réponse des 90 derniers jours ({date}, sur {source}) : même sans commentaire, une réponse courte montre à vos prospects que vous êtes à l’écoute.",
    other:
      "Répondez publiquement aux {n} avis négatifs restés sans réponse des 90 derniers jours, le dernier du {date} sur {source} : même sans commentaire, une réponse courte montre à vos prospects que vous êtes à l’écoute.",
  },
  "rec.startReplying": {
    one: "Répondez publiquement à votre avis négatif : aucun de vos {total} avis ne montre de réponse de votre part. Il date du {sinceDate} : « {quote} »",
    other:
      "Répondez aux {n} avis négatifs publiés depuis le {sinceDate}, du plus ancien au plus récent : aucun de vos {total} avis ne montre de réponse de votre part. Parmi eux, le {date} : « {quote} »",
  },
  "rec.startReplying.noText": {
    one: "Répondez publiquement à votre avis négatif (1 ou 2 étoiles, {sinceDate}) : aucun de vos {total} avis ne montre de réponse de votre part, et une réponse courte suffit.",
    other:
      "Répondez aux {n} avis négatifs (1 ou 2 étoiles) publiés depuis le {sinceDate}, du plus ancien au plus récent : aucun de vos {total} avis ne montre de réponse de votre part. La plupart n’ont pas de commentaire, une réponse courte suffit.",
  },
  "rec.thankReviewers": {
    one: "Remerciez publiquement votre client satisfait (sur {total} avis, aucun ne montre de réponse) ; le dernier avis positif date du {date}.",
    other:
      "Remerciez publiquement vos {n} clients satisfaits, en commençant par le plus récent ({date}) : sur {total} avis, aucun ne montre de réponse de votre part.",
  },
  "rec.replyAll":
    "Répondez à davantage d’avis : {replied} sur {considered} ont une réponse publique de votre part ({ratePct} %). Un remerciement sous les avis positifs compte aussi pour vos prospects.",
  "rec.fixIrritant": {
    one: "Travaillez la composante « {aspectKey} », votre principal irritant : {neg} mention négative sur {volume} (score {score}/100), par exemple « {quote} » ({date}). {actionKey}",
    other:
      "Travaillez la composante « {aspectKey} », votre principal irritant : {neg} mentions négatives sur {volume} (score {score}/100), par exemple « {quote} » ({date}). {actionKey}",
  },
  "rec.fixIrritant.noQuote": {
    one: "Travaillez la composante « {aspectKey} », votre principal irritant : {neg} mention négative sur {volume} (score {score}/100). {actionKey}",
    other:
      "Travaillez la composante « {aspectKey} », votre principal irritant : {neg} mentions négatives sur {volume} (score {score}/100). {actionKey}",
  },
  "rec.askReviews": {
    one: "Demandez à vos {gap} prochains clients satisfaits de publier un avis sur {source} : seulement {n} nouvel avis sur les 90 derniers jours (le dernier le {latestDate}) ; {target} en 90 jours donneraient la note maximale d’activité récente.",
    other:
      "Demandez à vos {gap} prochains clients satisfaits de publier un avis sur {source} : seulement {n} nouveaux avis sur les 90 derniers jours (le dernier le {latestDate}) ; {target} en 90 jours donneraient la note maximale d’activité récente.",
  },
  "rec.keepAsking":
    "Continuez à solliciter un avis sur {source} à chaque client satisfait : {n} avis sur les 90 derniers jours (le dernier le {latestDate}) gardent votre note à jour ; ne descendez pas sous {target}.",
  "rec.askComments": {
    one: "Demandez quelques mots, pas seulement des étoiles : votre avis n’a pas de commentaire écrit ({empty} avec les étoiles seules, {short} de moins de {minWords} mots). Les commentaires disent à vos prospects pourquoi vous choisir et vous montrent les irritants du parcours client.",
    other:
      "Demandez quelques mots, pas seulement des étoiles : seuls {writtenPct} % de vos {n} avis ont un commentaire écrit ({empty} avec les étoiles seules, {short} de moins de {minWords} mots). Les commentaires disent à vos prospects pourquoi vous choisir et vous montrent les irritants du parcours client.",
  },
  "rec.diversify":
    "Les {n} avis proviennent tous d’une seule source ({source}) : revendiquez votre fiche sur une deuxième plateforme pour que vos prospects voient plus d’une opinion.",
  "rec.addSource":
    "Vos avis viennent de {k} sources ({sources}) : être présent sur {target} plateformes multiplie les points de contact où vos prospects trouvent une opinion cohérente.",
  "rec.unreadReviews": {
    one: "{n} avis annoncé par {source} n’a pas pu être lu ({announced} annoncés, {found} collectés) : vérifiez que tous vos avis sont publics, ou indiquez-nous la page d’avis de la plateforme, pour que le rapport en tienne compte.",
    other:
      "{n} avis annoncés par les pages n’ont pas pu être lus ({source} : {announced} annoncés, {found} collectés) : vérifiez que tous vos avis sont publics, ou indiquez-nous la page d’avis de la plateforme, pour que le rapport en tienne compte.",
  },
  "rec.checkMismatches": {
    one: "Vérifiez l’avis dont les étoiles contredisent le texte ({stars}★ avec « {quote} », {date}) : un malentendu ou une erreur de clic mérite une réponse.",
    other:
      "Vérifiez les {n} avis dont les étoiles contredisent le texte, par exemple {stars}★ avec « {quote} » ({date}) : un malentendu ou une erreur de clic mérite une réponse.",
  },
  "rec.promoteStrength":
    "Mettez en avant votre point fort : « {aspectKey} » recueille {pos} mentions positives (score {score}/100). Citez vos clients sur votre site, par exemple « {quote} » ({date})",
  "rec.promoteStrength.noQuote":
    "Mettez en avant votre point fort : « {aspectKey} » recueille {pos} mentions positives (score {score}/100). Dites-le sur votre site et vos fiches.",
  "rec.promoteRating": {
    one: "Affichez votre note : {average}/5 sur {n} avis noté, dont {fivePct} % de 5 étoiles. Mettez-la sur votre site avec les mots d’un client : « {quote} » ({date})",
    other:
      "Affichez votre note : {average}/5 sur {n} avis notés, dont {fivePct} % de 5 étoiles. Mettez-la sur votre site avec les mots d’un client : « {quote} » ({date})",
  },
  "rec.promoteRating.noQuote":
    "Affichez votre note : {average}/5 sur {n} avis notés, dont {fivePct} % de 5 étoiles. Mettez-la sur votre site, vos devis et vos e-mails.",
  "rec.reverseDecline":
    "Votre note moyenne est passée de {before}/5 à {after}/5 sur les 3 derniers mois ({n} avis) : cherchez ce qui a changé récemment dans l’expérience client.",
  "rec.replyFaster":
    "Répondez plus vite : votre délai médian de réponse est de {medianHours} (sur {timed} réponses datées) ; visez moins de 48 heures, d’abord pour les avis négatifs.",
  "rec.convertDetractors":
    "Votre NPS estimé est de {nps} : {detractors} détracteurs pour {promoters} promoteurs. Recontactez les clients mécontents (1 à 3 étoiles) et dites-leur ce que vous avez changé.",
  "rec.followUp":
    "Mesurez vos progrès : refaites ce diagnostic vers le {nextDate}. Aujourd’hui : {score}/100 (note {grade}) sur {n} avis.",
  "rec.followUp.noScore":
    "Mesurez vos progrès : refaites ce diagnostic vers le {nextDate}. Aujourd’hui : {n} avis, pas encore assez pour un score.",
  "rec.checkSources":
    "Aucune des {k} pages indiquées ne contenait d’avis lisibles : vérifiez qu’il s’agit bien de pages d’avis ou de fiches publiques (Google, Trustpilot, la page d’avis de votre site).",
  "rec.collectMore":
    "Ajoutez d’autres sources d’avis (votre fiche Google, Trustpilot, les avis de votre propre site) : avec {n} avis, ce diagnostic n’est qu’indicatif.",

  "action.offer": "Comparez prix, qualité et choix avec ce que vos clients attendaient.",
  "action.convenience": "Réduisez les temps d’attente et simplifiez la commande, la livraison et les horaires.",
  "action.sensations":
    "Soignez ce que les clients voient, entendent, sentent et goûtent, sur place comme dans le produit.",
  "action.advice": "Formez l’équipe au conseil et à l’explication ; publiez des guides et des réponses claires.",
  "action.relationship": "Travaillez l’accueil et le ton de chaque échange, en magasin, au téléphone et par écrit.",
  "action.personalisation": "Reconnaissez vos clients fidèles et adaptez l’offre à chacun.",
  "action.identity": "Dites clairement ce que vous défendez et tenez vos promesses sur ce point.",

  "method.collection": "Comment les avis ont été collectés :",
  "method.noFilter":
    "Tous les avis collectés ont été conservés : aucun n’a été filtré, masqué ou pondéré selon sa note, et les avis négatifs figurent dans ce rapport comme les autres.",
  "method.dates":
    "Chaque avis cité indique sa date de publication. Les avis sans date sont comptés et signalés comme non datés.",
  "method.stars":
    "Les étoiles et la tonalité des textes sont mesurées séparément et comptent toutes deux dans le score ; quand elles se contredisent, l’avis figure dans la rubrique « Étoiles en contradiction avec le texte ».",
  "method.quotes":
    "Les citations sont recopiées mot pour mot, jamais reformulées ni traduites ; « … » indique une coupure.",
  "method.automatic":
    "La tonalité, les émotions et les composantes sont détectées automatiquement à partir des mots employés : ce sont des indications, pas des certitudes.",
  "method.collectedAt": "Données collectées le {collectedDate} ; rapport établi le {generatedDate}.",

  "aspect.offer": "Offre",
  "aspect.convenience": "Gain de temps & praticité",
  "aspect.sensations": "Sensations",
  "aspect.advice": "Conseil & pédagogie",
  "aspect.relationship": "Émotions & relation",
  "aspect.personalisation": "Personnalisation",
  "aspect.identity": "Identité, valeurs & communauté",

  "emotion.joy": "joie",
  "emotion.trust": "confiance",
  "emotion.surprise": "surprise",
  "emotion.anticipation": "anticipation",
  "emotion.anger": "colère",
  "emotion.fear": "peur",
  "emotion.sadness": "tristesse",
  "emotion.disgust": "dégoût",
  "emotion.disappointment": "déception",
  "emotion.frustration": "frustration",
  "emotion.gratitude": "gratitude",

  "touchpoint.digital": "Digital (site, application)",
  "touchpoint.physical": "Physique (magasin, locaux)",
  "touchpoint.remote": "À distance (téléphone, courrier)",

  "label.undated": "non daté",
  "label.source": "Source",
  "label.kind": "Type",
  "label.count": "Nombre",
  "label.share": "Part",
  "label.intensity": "Intensité",
  "label.score": "Score",
  "label.volume": "Mentions",
  "label.component": "Partie",
  "label.weight": "Poids",
  "label.value": "Valeur /100",
  "label.points": "Points",
  "label.evidence": "Sur la base de",
  "label.total": "Total",
  "label.found": "Collectés",
  "label.reported": "Annoncés",
  "label.cap": "Limite",
  "label.none": "—",
  "label.stars": "{n}★",

  "form.title": "Diagnostic d’e-réputation gratuit",
  "form.intro":
    "Indiquez le nom de votre entreprise et quelques pages où vos clients vous évaluent. Nous lisons une fois les avis publics et vous remettons un rapport.",
  "form.businessName": "Nom de l’entreprise",
  "form.website": "Site internet",
  "form.urls": "Pages d’avis ou fiches (une adresse par ligne)",
  "form.competitors": "Concurrents (facultatif)",
  "form.competitorName": "Concurrent {n} : nom",
  "form.competitorUrls": "Concurrent {n} : pages (une par ligne)",
  "form.locale": "Langue du rapport",
  "form.email": "E-mail (facultatif, pour être prévenu quand le rapport est prêt)",
  "form.submit": "Demander mon diagnostic",
  "form.privacy": "Nous ne lisons que des pages publiques. Votre e-mail ne sert qu’à ce rapport.",
};
