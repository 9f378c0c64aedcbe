package org.declass.suggest;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists the name detector reads: titles (a head such as "Minister", with modifiers such as "Deputy" before
 * it), particles inside names ("zu", "bin", "van der"), and words that are capitalised in cables without being
 * names: months and days, institutions, places of work, cable vocabulary, and the commonest English words (for the
 * cables written all in capitals). All lower case; callers compare lower-cased words.
 */
final class NameWords {

    private NameWords() {
    }

    /** The last word of a title: the person's office, rank or honorific. */
    static final Set<String> HEADS = set("""
            president minister secretary director ambassador consul governor senator congressman congresswoman
            representative mayor chairman chairwoman chair commander general colonel major captain lieutenant
            sergeant corporal admiral commodore marshal brigadier judge justice prosecutor attorney dr mr mrs ms miss
            sheikh sheikha shaykh prince princess king queen emir amir sultan bishop archbishop cardinal patriarch
            father imam mullah ayatollah hojatoleslam professor prof rabbi speaker mp spokesman spokeswoman
            spokesperson advisor adviser chief commissioner inspector officer agent detective head chancellor
            counselor counsellor attache charge envoy delegate coordinator manager editor journalist lawyer
            businessman businesswoman activist dissident leader official deputy vice-president vice-minister
            gen lt col maj capt sgt cpl adm amb sen rep gov pres pm fm dfm dg ltc ltg mg bg cdr cmdr insp supt
            superintendent dean rector founder owner ceo chairperson premier vizier governor-general
            secretary-general director-general undersecretary under-secretary subprefect prefect
            cda dcm polcouns econcouns datt legatt rso writer author poet blogger scholar economist analyst
            researcher
            mister madam madame monsieur senor senora señor señora herr frau sir dame lord lady
            """);

    /** Words that may stand before a head inside one title ("Deputy Foreign Minister", "Lieutenant Colonel"). */
    static final Set<String> MODIFIERS = set("""
            deputy vice assistant acting former chief senior first second third under principal executive
            lieutenant brigadier rear major general foreign interior defense defence finance justice prime state
            regional provincial national security police presidential special political economic permanent
            attorney consul secretary commanding district municipal federal army naval air intelligence
            opposition party parliamentary legal military commercial cultural press public interim
            lt gen maj brig dep asst a/s das
            """);

    /** Heads that, written in lower case in a mixed-case text, are ordinary words rather than titles. */
    static final Set<String> LOWER_CASE_AMBIGUOUS = set("""
            major general chief head leader official officer agent father deputy speaker representative judge
            justice chair charge delegate manager editor journalist lawyer businessman businesswoman activist
            dissident founder owner dean prince king queen lord lady sir miss dame attache coordinator mp
            """);

    /** Lower-case pieces inside a name. */
    static final Set<String> PARTICLES = set("""
            al el bin ibn bint van von der den de da di du do la le zu ben abu dos das del y ter ten st
            """);

    /** Capitalised words that are not names: institutions, places of work, cable vocabulary, months and days. */
    static final Set<String> NOT_NAMES = set("""
            january february march april may june july august september october november december
            jan feb mar apr jun jul aug sep sept oct nov dec
            monday tuesday wednesday thursday friday saturday sunday
            the this that these those he she they we it his her their our its a an in on at of for to and but or i
            if as by with from after before during when while although however also then there here what who
            post embassy consulate ministry mission government office department council committee commission
            assembly parliament party court bank agency service services forces force army navy police union
            republic kingdom states state nations affairs security intelligence defense defence interior foreign
            justice finance economy trade energy health education agriculture authority administration bureau
            directorate secretariat staff company corporation group holdings fund foundation institute university
            center centre organization organisation association federation front movement alliance coalition
            congress senate house cabinet presidency palace airport port harbor harbour river valley province region
            district city street avenue road square hotel summary comment end note action request reftel ref septel
            poloff econoff emboff pol econ dcm usg goi got gon gom gok ngo ngos un eu nato us usa u.s osce iaea imf
            wto opec asean unhcr unicef undp usaid dod doj dhs fbi cia nsc mfa moi mod sipdis noforn protect
            strictly sensitive unclas confidential secret classified reason reasons decl tags subject washdc
            washington department desk section unit division brigade battalion regiment corps command headquarters
            islamic national democratic socialist people's peoples liberal conservative labour labor christian
            social popular revolutionary supreme central general radio free news times press daily journal herald
            gazette tribune television tv reuters interfax world international global european african asian
            american arab western eastern northern southern north south east west new old upper lower great
            high higher grand royal federal provincial municipal regional local human rights watch amnesty red
            cross crescent prison prisons customs immigration border guard guards airline airlines railway
            mr mrs ms dr sir lord lady ambassador minister president secretary director
            summary background comment introduction conclusion septel para paragraph begin text quote unquote
            muslim muslims sunni shia shiite catholic orthodox protestant jewish
            amembassy amconsul usmission usun usnato secstate secdef info priority immediate routine
            monday christmas easter ramadan eid
            """);

    /**
     * The commonest English words, for texts written all in capitals, where case does not tell a name from a word.
     */
    static final Set<String> COMMON = set("""
            a about above across after again against all almost also although always am among an and another any
            are around as ask asked at away back be because been before began being believe believes below between
            both brief briefed but by called came can cannot claimed come comment commented complained confirmed
            could day days did described despite do does done down during each early either else emphasized
            emphasised end even ever every expect expected explained expressed few first for former from further
            gave get give given go going good got had has have having he her here him himself his how however i if
            in including indicated informed insisted into is it its just know known last later least less like
            little long made make many may me meet meeting meets met might more most much must my near need never
            new next no none nor not noted now of off often on once one only or other others our out over own
            paid part per plan plans point pointed possible predicted previously probably quickly rather really
            recently remained replied reported reports requested said same say says see seemed seems several shall
            she should since so some soon spoke stated still stressed such suggested take taken than that the their
            them then there these they thing think this those though thought three through thus to today told too
            took toward towards two under understood until up upon urged us very was we week weeks well went were
            what when where whether which while who whom whose why will with within without would year years yet
            you your embassy ambassador post poloff econoff emboff contact contacts source sources official
            officials government minister ministry president party opposition leader leaders country countries
            regime military army police security forces election elections people press meeting summary comment
            present received raised discussed visited hosted attended chaired opened closed signed announced
            arrived departed returned declined refused accepted rejected approved conveyed thanked pressed
            reiterated underscored outlined presented delivered reviewed agreed welcomed assured promised
            requested sought cited dismissed criticized criticised accused blamed praised phoned traveled
            travelled led leads heads headed chairs hosts planned intends intended wants wanted hopes hoped fears
            feared knows knew saw sees heard hears left leaves joined joins remains resigned replaced appointed
            elected nominated arrested detained killed died survived fled escaped defected controls controlled
            visits governs governed runs ran afterwards separately meanwhile earlier finally instead later
            both some many several each other such one two three four five six seven eight nine ten
            """);

    /** Verbs of speech after a name: "Ivan Petrenko told poloff". */
    static final Set<String> SPEECH = set("""
            said says told tells stated noted explained added claimed asked confirmed reported complained argued
            insisted warned stressed emphasized emphasised described expressed commented agreed predicted lamented
            acknowledged admitted recounted opined suggested urged welcomed believes thinks asserted alleged
            maintained observed remarked replied responded revealed recalled conceded cautioned denied mentioned
            informed briefed offered promised announced wrote called
            """);

    /** Words before a name that introduce a person: "a source named ...", "according to ...". */
    static final Set<String> CUES = set("""
            named called contact source interlocutor informant journalist
            businessman lawyer activist dissident citizen amcit
            """);

    /** Words after which a comma and a name follow: "his wife, Li Huaying", "a longtime contact, Andrus ...". */
    static final Set<String> APPOSITION_CUES = set("""
            wife husband son daughter brother sister mother widow colleague aide assistant contact source
            interlocutor informant friend relative cousin nephew niece uncle aunt lawyer attorney witness
            """);

    /** The words of an office that may follow "of" in a title: "Minister of Foreign Affairs". */
    static final Set<String> OFFICE_WORDS = set("""
            interior foreign affairs defense defence justice finance security state economy trade energy health
            education agriculture labor labour industry transport communications culture information planning
            water oil petroleum mines environment tourism youth sports religious endowments awqaf legal public
            works intelligence police army staff forces ministry department office bureau directorate agency
            service services national general customs immigration investigation investigations counterterrorism
            cabinet presidency parliament political consular economic commercial protocol internal external
            emergency situations social welfare fisheries housing industries development cooperation the and
            """);

    static boolean isHead(String lower) {
        return HEADS.contains(lower);
    }

    private static Set<String> set(String words) {
        Set<String> out = new HashSet<>(Arrays.asList(words.trim().toLowerCase(Locale.ROOT).split("\\s+")));
        return Set.copyOf(out);
    }
}
