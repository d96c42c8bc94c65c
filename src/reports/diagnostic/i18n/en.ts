/**
 * English texts of the diagnostic. Placeholders: {name}. Conventions applied
 * by `t()`: a param ending in "Date" is an ISO date, in "Hours" a duration in
 * hours, in "Pct" a percentage; other numbers are formatted for the locale.
 * An entry with one/other is chosen by the param `n`.
 */
export const en = {
  "report.title": "E-reputation diagnostic",
  "report.for": "for {name}",
  "report.generated": "Report generated on {generatedDate}",
  "headline.ok": {
    one: "{name}: reputation score {score}/100 (grade {grade}), based on {n} review or mention.",
    other: "{name}: reputation score {score}/100 (grade {grade}), based on {n} reviews and mentions.",
  },
  "headline.scoreLabel": "Reputation score:",
  "headline.none": "{name}: not enough data yet to compute a reputation score.",

  "section.summary": "Summary",
  "section.score": "Reputation score",
  "section.coverage": "What this report is based on",
  "section.rating": "Star rating",
  "section.nps": "NPS estimate",
  "section.sentiment": "Tone of the reviews",
  "section.emotions": "Emotions expressed",
  "section.aspects": "The seven components of customer experience",
  "section.touchpoints": "Where the experience happened",
  "section.strengths": "Strengths, in your customers' words",
  "section.irritants": "Irritants, in your customers' words",
  "section.negative": "Latest negative reviews",
  "section.mismatches": "Stars that contradict the text",
  "section.response": "Your replies",
  "section.trend": "Last 12 months",
  "section.competitors": "Compared with competitors",
  "section.recommendations": "What to do next",
  "section.methodology": "Method",

  "grade.label": "Grade",
  "grade.value": "Grade {grade}",
  "grade.scale": "Grades: A from 80, B from 65, C from 50, D from 35, E below 35.",
  "summary.topStrength": "What customers like most",
  "summary.topIrritant": "What annoys them most",
  "summary.noScore": "No score yet",
  "recommendations.intro":
    "Ranked by expected impact. Each action comes from the figures of this report; the quotes are your customers' own words.",
  notEnoughData: "Not enough data.",
  "score.note.ok":
    "The score adds up five parts. Each part is scored out of 100, then weighted; the points shown add up exactly to the score.",
  "score.note.reweighted":
    "Some parts could not be measured ({missingKeys}): their weight was shared among the others in proportion.",
  "score.note.none": "Not enough data: no rated or analysed review was collected, so no score is given.",
  "component.rating": "Star rating (weighted by recency and volume)",
  "component.sentiment": "Tone of the texts",
  "component.responsiveness": "Replies to negative reviews",
  "component.activity": "Recent activity",
  "component.spread": "Presence across sources",
  "evidence.rating":
    "Weighted average {shrunk}/5 from {n} rated reviews (plain average {raw}/5). Recent reviews count more; small volumes are pulled toward {prior}/5, as if {priorWeight} average reviews were added.",
  "evidence.rating.declared":
    "Weighted average {shrunk}/5 from {n} collected ratings plus {declared} ratings the pages declare but we did not collect (overall average {raw}/5). Small volumes are pulled toward {prior}/5, as if {priorWeight} average reviews were added.",
  "evidence.rating.missing":
    "No star rating was collected: this part is left out and its weight shared among the others.",
  "evidence.sentiment":
    "Average tone {mean} on a −1…+1 scale over {n} analysed texts ({posPct}% positive, {negPct}% negative), weighted by recency and pulled toward neutral for small volumes.",
  "evidence.sentiment.missing":
    "No text could be analysed: this part is left out and its weight shared among the others.",
  "evidence.responsiveness": "Negative reviews with a public reply from you: {replied} of {total} ({ratePct}%).",
  "evidence.responsiveness.notVisible":
    "No owner reply is visible on these sources: this part is left out and its weight shared among the others.",
  "evidence.responsiveness.noNegative":
    "No negative review on the sources where replies are visible, so nothing to answer: this part is left out.",
  "evidence.activity": "{n} reviews or mentions in the last 90 days (full marks from {target}).",
  "evidence.spread": {
    one: "Reviews found on {n} source only (full marks from {target}).",
    other: "Reviews found on {n} sources (full marks from {target}).",
  },

  "coverage.sentence": {
    one: "Based on {n} review or mention from {k} sources, collected on {collectedDate}.",
    other: "Based on {n} reviews and mentions from {k} sources, collected on {collectedDate}.",
  },
  "coverage.sentence.oneSource": {
    one: "Based on {n} review or mention from a single source, collected on {collectedDate}.",
    other: "Based on {n} reviews and mentions from a single source, collected on {collectedDate}.",
  },
  "coverage.none": 'No review or mention could be collected, so most of this report says "not enough data".',
  "coverage.source.reported": "{url}: {found} collected out of {reported} that the platform reports.",
  "coverage.source.cap": "{url}: {found} collected. Platform limit: {cap}",
  "coverage.source.reportedCap":
    "{url}: {found} collected out of {reported} that the platform reports. Platform limit: {cap}",
  "coverage.period": "Publication dates range from {fromDate} to {toDate}.",
  "coverage.undated": { one: "{n} item has no publication date.", other: "{n} items have no publication date." },

  "rating.note": {
    one: "Average of {n} star rating, all scales converted to /5.",
    other: "Average of {n} star ratings, all scales converted to /5.",
  },
  "rating.none": "Not enough data: no star rating was collected.",
  "rating.average": "Average rating",
  "rating.distribution": "Distribution",
  "rating.bySource": "By source",
  "rating.declared": "Rating declared by the page",

  "nps.note":
    "Estimated from stars: 5 = promoter, 4 = passive, 1–3 = detractor; NPS = % promoters − % detractors. {unrated} mentions without stars are excluded from it.",
  "nps.note.allRated":
    "Estimated from stars: 5 = promoter, 4 = passive, 1–3 = detractor; NPS = % promoters − % detractors. Every mention has a star rating.",
  "nps.none": "Not enough data: no star rating, so no NPS. {unrated} mentions without stars are not counted.",
  "nps.promoters": "Promoters",
  "nps.passives": "Passives",
  "nps.detractors": "Detractors",

  "sentiment.note":
    "Each text is scored from −1 (very negative) to +1 (very positive) by our text analysis. Stars are shown separately and never change this tone; the score uses both.",
  "sentiment.none": "Not enough data: no text could be analysed.",
  "sentiment.positive": "Positive",
  "sentiment.neutral": "Neutral",
  "sentiment.negative": "Negative",
  "sentiment.mean": "Average tone",

  "emotions.note": "Share of analysed texts expressing each emotion, and its average intensity (0–1) when expressed.",
  "aspects.note":
    "Score 0–100 per component: 0 = only negative mentions, 100 = only positive. Under 3 mentions, read it as an indication.",
  "aspects.lowVolume": "few mentions",
  "touchpoints.note": "Where the reviews say the experience took place.",

  "quotes.none": "No clear example in the collected reviews.",
  "negative.count": {
    one: "{n} negative review in total (1–2 stars, or a negative text without stars). None is hidden.",
    other: "{n} negative reviews in total (1–2 stars, or a negative text without stars). None is hidden.",
  },
  "mismatches.note": {
    one: "{n} review whose stars contradict its text (for example 5 stars with a negative text).",
    other: "{n} reviews whose stars contradict their text (for example 5 stars with a negative text).",
  },

  "response.note.ok":
    "{replied} of {considered} reviews have a public reply from you ({ratePct}%); for negative reviews: {negReplied} of {negConsidered}. Median time to reply: {medianHours}.",
  "response.note.noTiming":
    "{replied} of {considered} reviews have a public reply from you ({ratePct}%); for negative reviews: {negReplied} of {negConsidered}. Reply dates are not shown, so the reply time is unknown.",
  "response.note.notVisible":
    "No owner reply is visible on these sources, so we cannot measure how you reply (either there are none, or the platforms do not show them).",
  "response.rate": "Reply rate",
  "response.median": "Median time to reply",
  "response.negativeRate": "Reply rate on negative reviews",

  "trend.month": "Month",
  "trend.count": "Reviews",
  "trend.rating": "Average rating",
  "trend.sentiment": "Average tone",

  "competitors.none": "No competitor was given.",
  "competitors.name": "Business",
  "competitors.you": "you",
  "competitors.score": "Score",
  "competitors.rating": "Rating",
  "competitors.volume": "Reviews",
  "competitors.sentiment": "Tone",
  "competitors.strength": "Top strength",
  "competitors.irritant": "Top irritant",

  "rec.replyNegatives": {
    one: "Reply publicly to the {n} unanswered negative review of the last 90 days, from {date} on {source}: “{quote}”",
    other:
      "Reply publicly to the {n} unanswered negative reviews of the last 90 days, starting with the one from {date} on {source}: “{quote}”",
  },
  "rec.replyNegatives.noText": {
    one: "Reply publicly to the {n} unanswered negative review of the last 90 days ({date}, on {source}): even without a comment, a short reply shows prospects that you listen.",
    other:
      "Reply publicly to the {n} unanswered negative reviews of the last 90 days, the latest from {date} on {source}: even without a comment, a short reply shows prospects that you listen.",
  },
  "rec.startReplying": {
    one: "Answer your negative review publicly: none of your {total} reviews shows a reply from you. It dates from {sinceDate}: “{quote}”",
    other:
      "Answer the {n} negative reviews published since {sinceDate}, oldest first: none of your {total} reviews shows a reply from you. Among them, on {date}: “{quote}”",
  },
  "rec.startReplying.noText": {
    one: "Answer your negative review publicly (1–2 stars, {sinceDate}): none of your {total} reviews shows a reply from you, and a short reply is enough.",
    other:
      "Answer the {n} negative reviews (1–2 stars) published since {sinceDate}, oldest first: none of your {total} reviews shows a reply from you. Most have no comment, so a short reply is enough.",
  },
  "rec.thankReviewers": {
    one: "Thank your {n} satisfied reviewer publicly (out of {total} reviews, none shows a reply); the latest positive review dates from {date}.",
    other:
      "Thank your {n} satisfied reviewers publicly, starting with the latest ({date}): out of {total} reviews, none shows a reply from you.",
  },
  "rec.replyAll":
    "Reply to more reviews: {replied} of {considered} have a public reply from you ({ratePct}%). A thank-you on positive reviews also counts with prospects.",
  "rec.fixIrritant": {
    one: "Work on “{aspectKey}”, your main irritant: {neg} negative mention out of {volume} (score {score}/100), e.g. “{quote}” ({date}). {actionKey}",
    other:
      "Work on “{aspectKey}”, your main irritant: {neg} negative mentions out of {volume} (score {score}/100), e.g. “{quote}” ({date}). {actionKey}",
  },
  "rec.fixIrritant.noQuote": {
    one: "Work on “{aspectKey}”, your main irritant: {neg} negative mention out of {volume} (score {score}/100). {actionKey}",
    other:
      "Work on “{aspectKey}”, your main irritant: {neg} negative mentions out of {volume} (score {score}/100). {actionKey}",
  },
  "rec.askReviews": {
    one: "Ask your next {gap} happy customers to post a review on {source}: only {n} new review in the last 90 days (latest on {latestDate}); {target} in 90 days would give full marks for recent activity.",
    other:
      "Ask your next {gap} happy customers to post a review on {source}: only {n} new reviews in the last 90 days (latest on {latestDate}); {target} in 90 days would give full marks for recent activity.",
  },
  "rec.keepAsking":
    "Keep asking every happy customer for a review on {source}: {n} reviews in the last 90 days (latest on {latestDate}) keep your rating current; do not let it drop below {target}.",
  "rec.askComments": {
    one: "Ask for a few words, not just stars: your {n} review has no written comment ({empty} stars only, {short} with under {minWords} words). Comments tell prospects why to choose you and show you what to improve.",
    other:
      "Ask for a few words, not just stars: only {writtenPct}% of your {n} reviews have a written comment ({empty} stars only, {short} with under {minWords} words). Comments tell prospects why to choose you and show you what to improve.",
  },
  "rec.diversify":
    "All {n} reviews come from a single source ({source}): claim your profile on a second platform so that prospects see more than one opinion.",
  "rec.addSource":
    "Your reviews come from {k} sources ({sources}): a presence on {target} platforms shows prospects a consistent opinion wherever they look.",
  "rec.unreadReviews": {
    one: "{n} review announced by {source} could not be read ({announced} announced, {found} collected): check that all your reviews are public, or give us the platform's reviews page, so that the report covers them.",
    other:
      "{n} reviews announced by the pages could not be read ({source}: {announced} announced, {found} collected): check that all your reviews are public, or give us the platform's reviews page, so that the report covers them.",
  },
  "rec.checkMismatches": {
    one: "Check the review whose stars contradict its text ({stars}★ with “{quote}”, {date}): a misunderstanding or a mis-click is worth a reply.",
    other:
      "Check the {n} reviews whose stars contradict their text, e.g. {stars}★ with “{quote}” ({date}): a misunderstanding or a mis-click is worth a reply.",
  },
  "rec.promoteStrength":
    "Put your strength forward: “{aspectKey}” gets {pos} positive mentions (score {score}/100). Quote your customers on your website, e.g. “{quote}” ({date})",
  "rec.promoteStrength.noQuote":
    "Put your strength forward: “{aspectKey}” gets {pos} positive mentions (score {score}/100). Say it on your website and your profiles.",
  "rec.promoteRating": {
    one: "Show your rating: {average}/5 from {n} rating, {fivePct}% of them 5 stars. Put it on your website with a customer's words: “{quote}” ({date})",
    other:
      "Show your rating: {average}/5 from {n} ratings, {fivePct}% of them 5 stars. Put it on your website with a customer's words: “{quote}” ({date})",
  },
  "rec.promoteRating.noQuote":
    "Show your rating: {average}/5 from {n} ratings, {fivePct}% of them 5 stars. Put it on your website, your quotes and your emails.",
  "rec.reverseDecline":
    "Your average rating fell from {before}/5 to {after}/5 over the last 3 months ({n} reviews): look at what changed recently.",
  "rec.replyFaster":
    "Reply faster: your median time to reply is {medianHours} (over {timed} dated replies); aim for less than 48 hours, first on negative reviews.",
  "rec.convertDetractors":
    "Your NPS estimate is {nps}: {detractors} detractors for {promoters} promoters. Contact unhappy customers who left 1–3 stars and tell them what you changed.",
  "rec.followUp":
    "Measure your progress: run this diagnostic again around {nextDate}. Today: {score}/100 (grade {grade}) from {n} reviews.",
  "rec.followUp.noScore":
    "Measure your progress: run this diagnostic again around {nextDate}. Today: {n} reviews, not yet enough for a score.",
  "rec.checkSources":
    "None of the {k} pages given contained reviews we could read: check that they are public review or profile pages (Google, Trustpilot, your own reviews page).",
  "rec.collectMore":
    "Add more review sources (your Google profile, Trustpilot, the reviews on your own website): with {n} reviews, this diagnostic is only an indication.",

  "action.offer": "Check price, quality and range against what customers expected.",
  "action.convenience": "Reduce waiting times and make ordering, delivery and opening hours easier.",
  "action.sensations": "Look after what customers see, hear, smell and taste on site and in the product.",
  "action.advice": "Train staff to advise and explain; publish clear guides and answers.",
  "action.relationship": "Work on the welcome and the tone of every exchange, in store, by phone and by mail.",
  "action.personalisation": "Recognise returning customers and adapt the offer to them.",
  "action.identity": "Say clearly what you stand for and keep your promises on it.",

  "method.collection": "How the reviews were collected:",
  "method.noFilter":
    "Every review collected was kept: none was filtered, hidden or weighted according to its rating, and negative reviews appear in this report like the others.",
  "method.dates":
    "Each quoted review shows its publication date. Reviews without a date are counted and marked as undated.",
  "method.stars":
    'Star ratings and the tone of the texts are measured separately and both count in the score; when they disagree, the review is listed under "Stars that contradict the text".',
  "method.quotes":
    "Quotes are copied word for word from the reviews, never rewritten or translated; “…” marks where a quote was cut.",
  "method.automatic":
    "Tone, emotions and components are detected automatically from the words used; read them as indications, not as certainties.",
  "method.collectedAt": "Data collected on {collectedDate}; report generated on {generatedDate}.",

  "aspect.offer": "Offer",
  "aspect.convenience": "Time saved & convenience",
  "aspect.sensations": "Sensations",
  "aspect.advice": "Advice & guidance",
  "aspect.relationship": "Emotions & relationship",
  "aspect.personalisation": "Personalisation",
  "aspect.identity": "Identity, values & community",

  "emotion.joy": "joy",
  "emotion.trust": "trust",
  "emotion.surprise": "surprise",
  "emotion.anticipation": "anticipation",
  "emotion.anger": "anger",
  "emotion.fear": "fear",
  "emotion.sadness": "sadness",
  "emotion.disgust": "disgust",
  "emotion.disappointment": "disappointment",
  "emotion.frustration": "frustration",
  "emotion.gratitude": "gratitude",

  "touchpoint.digital": "Digital (website, app)",
  "touchpoint.physical": "Physical (store, premises)",
  "touchpoint.remote": "Remote (phone, mail)",

  "label.undated": "undated",
  "label.source": "Source",
  "label.kind": "Type",
  "label.count": "Count",
  "label.share": "Share",
  "label.intensity": "Intensity",
  "label.score": "Score",
  "label.volume": "Mentions",
  "label.component": "Part",
  "label.weight": "Weight",
  "label.value": "Value /100",
  "label.points": "Points",
  "label.evidence": "Based on",
  "label.total": "Total",
  "label.found": "Collected",
  "label.reported": "Reported",
  "label.cap": "Limit",
  "label.none": "—",
  "label.stars": "{n}★",

  "form.title": "Free e-reputation diagnostic",
  "form.intro":
    "Give us your business name and a few pages where customers review you. We read the public reviews once and send you a report.",
  "form.businessName": "Business name",
  "form.website": "Website",
  "form.urls": "Review or profile pages (one address per line)",
  "form.competitors": "Competitors (optional)",
  "form.competitorName": "Competitor {n}: name",
  "form.competitorUrls": "Competitor {n}: pages (one per line)",
  "form.locale": "Report language",
  "form.email": "Email (optional, to be told when the report is ready)",
  "form.submit": "Request my diagnostic",
  "form.privacy": "We only read public pages. Your email is used for this report only.",
} as const;
