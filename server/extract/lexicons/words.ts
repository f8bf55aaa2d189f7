/**
 * Closed word classes and small open lists that the rules need: function words (a capitalised
 * function word at a sentence start is not a name), given names (a given name followed by a
 * capitalised word starts a person's name), role nouns (a name after them is a person, and they
 * describe the person), nouns for kinds of places and groups, and suffixes of organisation names.
 */

/** German and English function words and sentence-initial adverbs, lower case. */
export const FUNCTION_WORDS: readonly string[] = (
  "der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem keinen " +
  "und oder aber doch sondern denn weil da dass daß ob wenn als wie wo was wer wen wem wessen warum weshalb " +
  "ich du er sie es wir ihr man sich mich dich ihn ihm ihnen uns euch mein meine dein sein seine ihre unser " +
  "unsere unserer unseren unserem unseres eure euer ihren ihrem ihrer seinen seinem seiner meinen dieses jenes solche " +
  "in im an am auf aus bei beim mit nach von vom vor zu zum zur über unter um durch für gegen ohne seit bis " +
  "zwischen hinter neben während wegen trotz laut gemäß dank statt außer innerhalb außerhalb " +
  "auch nur noch schon bereits nun jetzt dann damals heute gestern morgen hier dort so sehr mehr viel viele " +
  "alle alles allem allen aller jede jeder jedes jedem jeden diese dieser dieses diesem diesen jene " +
  "nicht nie niemals immer oft bald zudem außerdem allerdings jedoch dennoch trotzdem deshalb daher also " +
  "offiziell zunächst zuerst später danach davor inzwischen mittlerweile derzeit zuvor erst etwa rund fast " +
  "gleichzeitig ebenfalls gerade vielleicht wohl sogar kaum eigentlich vor allem insgesamt " +
  "ist sind war waren wird werden wurde wurden hat haben hatte hatten sei seien habe kann können konnte " +
  "soll sollen sollte muss müssen musste will wollen wollte darf dürfen dürfte könnte würde wäre " +
  "wenn falls obwohl nachdem bevor damit sodass indem sobald solange " +
  "the a an and or but if then of in on at to for from by with about as into over after before under " +
  "he she it they we you i his her its their our this that these those there here what which who whom " +
  "is are was were be been being has have had do does did will would shall should can could may might must " +
  "not no never also only just still yet now then today yesterday tomorrow however meanwhile " +
  "every each all any some most many much more few several both either neither none other another " +
  "such own same so very too than while because although though when where why how whether " +
  "my your me him them one ones nothing everything something anything nobody everyone someone " +
  "we've we're we'll i'm i've i'll you're you've it's that's there's they're they've he's she's let's " +
  "don't doesn't didn't won't can't isn't aren't wasn't weren't " +
  "mr mrs ms dr prof herr frau " +
  "dazu darin darauf daran damit dabei davon dafür dagegen darüber darunter daneben dahinter danach " +
  "hierzu hierbei hiermit hierfür hierin worauf woran womit wobei wovon wofür seitdem stattdessen " +
  "weiterhin ebenso ferner sowie sodann somit demnach folglich jedenfalls immerhin schließlich " +
  "beispielsweise teilweise möglicherweise normalerweise"
)
  .split(" ")
  // English contractions come with straight and curly apostrophes.
  .flatMap((word) => (word.includes("'") ? [word, word.replace("'", "’")] : [word]));

/** Months and weekdays, German and English, lower case: never names ("am Freitag", "in May"). */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  (
    "januar februar märz april mai juni juli august september oktober november dezember montag dienstag " +
    "mittwoch donnerstag freitag samstag sonntag sonnabend january february march may june july october " +
    "december monday tuesday wednesday thursday friday saturday sunday"
  ).split(" "),
);

/** Given names (German, English, Slavic, Arabic, Asian transliterations); gender m/f/x. */
export const GIVEN_NAMES: Readonly<Record<string, "m" | "f" | "x">> = Object.fromEntries([
  ...(
    "Aaron Adam Adrian Ahmed Alain Alan Albert Alejandro Alexander Alexandr Alexej Alexei Alfred Ali Andreas " +
    "Andrei Andrej Andrew Andy Anton Antonio António Armin Arnold Arthur Axel Benjamin Bernd Bernhard Bill Björn " +
    "Bob Boris Brian Bruno Carl Carlos Charles Chris Christian Christoph Christopher Claus Daniel David Dennis " +
    "Dieter Dietmar Dirk Dmitri Dmitrij Dmitry Dominik Donald Edward Egon Emmanuel Enrico Erik Eric Ernst Fabian " +
    "Felix Florian Francis Frank Franz François Friedrich Fritz Gary George Georg Gerhard Gerd Giuseppe Günter " +
    "Günther Gustav Hans Harald Harry Heiko Heinrich Heinz Helmut Henry Herbert Horst Hubert Hugo Ibrahim Igor " +
    "Ilja Iwan Ivan Jack Jake Jakob James Jan Janis Jaroslaw Jean Jens Jeremy Jewgeni Jim Joachim Joe Johann " +
    "Johannes John Jonas Jonathan Jörg Josef Joseph Jürgen Julian Justin Kai Karl Karsten Kevin Klaus Konrad " +
    "Konstantin Kurt Lars Leon Lothar Louis Luca Lukas Lutz Manfred Manuel Marc Marco Marcus Mario Mark Markus " +
    "Martin Matthias Max Maximilian Michael Mike Mikhail Michail Mohammed Mohammad Muhammad Moritz Nicolas Niklas " +
    "Nikolai Nikolaj Norbert Olaf Oleg Oliver Olaf Oskar Otto Pablo Patrick Paul Pavel Pawel Pedro Peter Philipp " +
    "Pierre Rafael Rainer Ralf Ralph Recep Reinhard Richard Robert Roberto Roland Rolf Roman Ron Rüdiger Rudolf " +
    "Sami Samuel Sascha Scott Sebastian Sergei Sergej Sergey Simon Stefan Stephan Steffen Steve Steven Sven " +
    "Theo Thomas Thorsten Tim Timo Tobias Tom Torsten Ulrich Uwe Viktor Vincent Vladimir Volker Walter Werner " +
    "Wilhelm William Willi Wjatscheslaw Wladimir Wolfgang Wolodymyr Volodymyr Yuri Juri Xavier"
  )
    .split(" ")
    .map((name) => [name, "m" as const]),
  ...(
    "Alexandra Alice Andrea Angela Anja Anke Anna Anne Annalena Annegret Antje Barbara Beate Bettina Birgit " +
    "Brigitte Carla Carmen Caroline Charlotte Christa Christiane Christina Christine Claudia Cornelia Daniela " +
    "Doris Dorothea Elena Elisabeth Elizabeth Elke Emily Emma Erika Eva Franziska Gabriele Gisela Giorgia Hannah " +
    "Heike Helga Hillary Ilse Ines Ingrid Irina Jana Jelena Jennifer Jessica Johanna Julia Julija Jutta Karin " +
    "Katarina Katharina Kathrin Katja Kerstin Kristina Laura Lena Linda Lisa Liz Luise Maria Marie Marina Marion " +
    "Martina Mary Melanie Michelle Monika Nadja Nancy Natalia Natalie Nicole Nina Olga Petra Renate Ricarda " +
    "Sabine Sahra Sandra Sarah Saskia Silke Simone Sofia Sonja Stefanie Susanne Svenja Swetlana Tanja Tatjana " +
    "Theresa Ulla Ulrike Ursula Ute Valentina Vera Verena Victoria Yulia Julia"
  )
    .split(" ")
    .map((name) => [name, "f" as const]),
  ..."Kim Xi Lee Park Moon Yoon Wang Li Zhang Chen Liu Nguyen Sasha Jamie Alex Kamala"
    .split(" ")
    .map((name) => [name, "x" as const]),
]);

/**
 * Role nouns (lower case, masculine/base form): a name right after one is a person ("Sprecher
 * Dmitri Peskow"), and the phrase becomes the person's description. Compounds ending in one
 * ("Kommunikationsdirektor", "Kreml-Sprecher", "Außenministerin") count too.
 */
export const ROLE_NOUNS_DE: readonly string[] = (
  "präsident kanzler minister ministerpräsident premierminister premier sprecher chef vorsitzender " +
  "machthaber diktator staatschef regierungschef oberhaupt könig königin papst kaiser fürst general " +
  "kommandeur befehlshaber admiral oberst offizier botschafter gesandter direktor leiter berater sekretär " +
  "generalsekretär abgeordneter senator gouverneur bürgermeister richter staatsanwalt anwalt verteidiger " +
  "professor experte analyst forscher wissenschaftler gründer manager geschäftsführer vorstand trainer " +
  "autor journalist reporter korrespondent kommissar beauftragter stellvertreter vize führer anführer " +
  "oppositionsführer kandidat bischof kardinal pfarrer imam rabbiner sänger schauspieler regisseur " +
  "spieler kapitän polizeichef polizeisprecher ermittler sachverständiger ökonom historiker politologe " +
  "aktivist kritiker dissident unternehmer milliardär koordinator gesundheitsminister außenminister " +
  "musiker künstler maler dichter schriftsteller komponist dirigent architekt arzt oberarzt theologe " +
  "philosoph rapper popstar star fußballer torhüter keeper stürmer mittelfeldspieler nationalspieler " +
  "sportler radprofi rennfahrer fahrer weltmeister olympiasieger moderator produzent verleger " +
  "herausgeber fotograf designer bildhauer pianist gitarrist schlagzeuger kaiserin prinz prinzessin " +
  "herzog graf ritter heiliger apostel prophet feldherr vorgänger nachfolger sohn tochter vater " +
  "mutter bruder schwester ehefrau ehemann witwe onkel tante neffe enkel freund freundin kollege " +
  "mitarbeiter sprecherin landrat stadtrat ratsherr parteichef fraktionschef generaldirektor " +
  "intendant rektor dekan pastor superintendent abt mönch schüler lehrer student doktorand"
).split(" ");

/** Titles and forms of address: a capitalised word after one is a person ("Herr Meier", "Dr. Meier"). */
export const TITLES: readonly string[] =
  "herr herrn frau dr prof professor mr mrs ms miss sir mister madame monsieur sankt".split(" ");

export const ROLE_NOUNS_EN: readonly string[] = (
  "president prime minister chancellor secretary spokesman spokeswoman spokesperson leader dictator " +
  "king queen pope general commander admiral ambassador envoy director adviser advisor chief chairman " +
  "chairwoman senator governor mayor judge prosecutor lawyer attorney professor expert analyst researcher " +
  "founder manager ceo coach author journalist reporter correspondent commissioner deputy candidate " +
  "official officer coordinator economist historian activist critic singer actor actress player " +
  "striker goalkeeper rapper star artist writer novelist composer architect doctor son daughter " +
  "father mother brother sister wife husband colleague minister spokesperson"
).split(" ");

/** Inflection endings a German role noun may carry (Präsident-en, Sprecher-in, Minister-innen). */
export const ROLE_ENDINGS_DE: readonly string[] = ["", "s", "es", "n", "en", "in", "innen", "e", "er", "em"];

/** Nouns for kinds of places: a capitalised name after one is a place ("Hafenstadt Rason"). */
export const PLACE_NOUNS: readonly string[] = (
  "stadt hauptstadt hafenstadt großstadt kleinstadt ort dorf gemeinde region provinz bezirk kreis landkreis " +
  "bundesland bundesstaat stadtteil viertel hafen flughafen bahnhof weltraumbahnhof kosmodrom insel " +
  "halbinsel fluss see berg gebirge tal küste grenzstadt grenzort metropole oblast gebiet " +
  "city town village port region province district county state island river"
).split(" ");

/** Group nouns that, after a country adjective, name that state ("die russische Regierung"). */
export const STATE_NOUNS: readonly string[] = (
  "regierung führung staatsführung behörden behörde armee militär streitkräfte truppen marine luftwaffe " +
  "geheimdienst geheimdienste justiz diplomaten diplomatie außenministerium verteidigungsministerium " +
  "government authorities army military forces troops navy officials administration"
).split(" ");

/** Group nouns that name a source group ("nordkoreanische Medien"): kept as a GROUP actor. */
export const SOURCE_GROUP_NOUNS: readonly string[] = (
  "medien staatsmedien staatsfernsehen nachrichtenagentur staatsagentur zeitungen kreise quellen " +
  "regierungskreise sicherheitskreise experten beobachter aktivisten " +
  "media state media news agency sources officials experts observers activists"
).split(" ");

/** Last parts of organisation names ("Verteidigungsministerium", "Bundesnetzagentur"). */
export const ORG_SUFFIXES: readonly string[] = (
  "ministerium amt behörde agentur partei gericht gerichtshof rat bank konzern verband gewerkschaft institut " +
  "universität stiftung kommission komitee parlament polizei armee gruppe ag gmbh zeitung rundfunk " +
  "verlag verein club klub gesellschaft werke bahn kreisbahn sparkasse schule realschule " +
  "gymnasium hochschule fachhochschule akademie theater orchester fraktion versicherung " +
  "holding konzern landgericht amtsgericht oberlandesgericht " +
  "magazin sender nachrichtenagentur presseagentur bistum erzbistum diözese " +
  "gemeinderat stadtrat kreistag landtag unternehmen airline fluggesellschaft reederei " +
  "ministry agency council party court bank corporation company institute university foundation " +
  "commission committee parliament police union association group inc ltd corp plc llc gmbh school " +
  "college academy airlines airways records studios"
).split(" ");

/**
 * Last words of English names of organisations and places in German text ("Royal Air Force",
 * "Champions League", "Hudson River"): a capitalised sequence ending in one is no person.
 * Exact, capitalised words; German compounds go by ORG_SUFFIXES and PLACE_NOUNS.
 */
export const ENGLISH_ORG_HEADS: readonly string[] = (
  "League Force Forces Brigade Division Regiment Squadron Corps Navy Army Group Institute Laboratory " +
  "Laboratories Federation Association Society Foundation Council Committee Commission Agency Bureau Board " +
  "Authority Company Corporation Bank Airways Airlines Records Studios Systems Industries Motors Partners " +
  "Holdings Media Network Broadcasting Press University College School Academy Museum Orchestra Club " +
  "United Rovers Wanderers Athletic Albion Hotspur Railway Railways Limited Worldwide " +
  "Court Tribunal Department Ministry Office Service Services Parliament Assembly Fund Organization " +
  "Organisation Union Party Administration Secretariat Directorate Guard Police"
).split(" ");

export const ENGLISH_PLACE_HEADS: readonly string[] = (
  "Street Road Avenue Lane Square Island Islands River Lake Bay Valley Falls Park Hall Centre Center " +
  "Station Bridge Mountains Hill Hills Beach Harbour Harbor Canyon Heights Forest Castle Palace Abbey " +
  "Cathedral Tower Tableland Desert Peninsula Creek"
).split(" ");

/**
 * Upper-case abbreviations that are units, currencies, formats or common terms, never the name of
 * an organisation ("5 Mrd. EUR", "ISBN", "DNA").
 */
export const NON_NAME_ACRONYMS: readonly string[] = (
  "EUR USD GBP CHF JPY RUB ISBN ISSN DNA RNA DNS HIV AIDS MW KW KWH GW PS CO2 II III IV VI VII VIII " +
  "IX XI XII KG KM CM MM MIO MRD BIP EBIT EBITDA MBA PDF CD DVD TV PC SMS GPS USB IT KI AI CEO CFO " +
  "PR OK GB MB TB HD LED LCD WLAN DSL URL HTML XML API SQL NADPH ATP PVC LKW PKW SUV ABS GPL RBI MDAX " +
  "DAX TECDAX SDAX FAQ PIN TAN IBAN BIC UHF UKW FM AM PM AD BC STGB BGB GG ZPO STPO NJW " +
  "VG KV SA JR SR"
).split(" ");

/**
 * Endings of German common nouns that names practically never have: a capitalised word with one is
 * a noun even when the dictionary lacks it ("Verkürzung", "Topologie", "Teilchen").
 */
export const COMMON_NOUN_ENDING_DE =
  /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|chen|lein|tion|tionen|sion|sionen|ität|itäten|ismus|ismen|nisse?|nissen|tums?|tümer|logie|logien|grafie|graphie|nomie|metrie|thek|theken|tik|tiken|nik|niken|sik|fik|mik|tur|turen|eur|eure|euren|tive|tiven|ierung|ierungen|erei|ereien|ator|atoren|anz|enz|ment|ments|mente)$/u;

/** Capitalised abbreviations and words that start no name ("5 Mio. Euro", "St. Peter", "Bd. 3"). */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set(
  "Mio Mill Mrd Tsd Nr Bd Hrsg Jh Jhd Abs Art Bsp Str Chr Tel Fax Abb Tab Kap Vgl Anm Ggf Evtl Inkl Zzgl St Ca Mrz Okt Dez Jan Feb Apr Aug Sept Sep Nov".split(
    " ",
  ),
);
