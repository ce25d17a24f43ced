<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>ActionHandlers</name>
    <message>
        <source>Undid: {what}</source>
        <translation>Ångrade: {what}</translation>
    </message>
    <message>
        <source>Redid: {what}</source>
        <translation>Gjorde om: {what}</translation>
    </message>
    <message>
        <source>Speed {rate:g}×</source>
        <translation>Hastighet {rate:g}×</translation>
    </message>
    <message>
        <source>Select a cue first</source>
        <translation>Välj en undertext först</translation>
    </message>
    <message>
        <source>That was the last cue.</source>
        <translation>Det var den sista undertexten.</translation>
    </message>
    <message>
        <source>Put the text cursor where the cue should be split</source>
        <translation>Placera textmarkören där undertexten ska delas</translation>
    </message>
    <message>
        <source>Cue {index} not split: {exc}</source>
        <translation>Undertext {index} delades inte: {exc}</translation>
    </message>
    <message>
        <source>The last cue has no next cue to merge with</source>
        <translation>Den sista undertexten har ingen nästa undertext att slås ihop med</translation>
    </message>
</context>
<context>
    <name>ActionSpec</name>
    <message>
        <source>&amp;Next issue</source>
        <translation>&amp;Nästa problem</translation>
    </message>
    <message>
        <source>Go to the next issue in cue order</source>
        <translation>Gå till nästa problem i undertextordning</translation>
    </message>
    <message>
        <source>&amp;Previous issue</source>
        <translation>&amp;Föregående problem</translation>
    </message>
    <message>
        <source>Go to the previous issue in cue order</source>
        <translation>Gå till föregående problem i undertextordning</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>Exportera &amp;rapport…</translation>
    </message>
    <message>
        <source>Write an HTML report of the captions&apos; quality</source>
        <translation>Skriv en HTML-rapport om undertexternas kvalitet</translation>
    </message>
    <message>
        <source>Load quality &amp;profile…</source>
        <translation>Läs in kvalitets&amp;profil…</translation>
    </message>
    <message>
        <source>Use a quality profile from a TOML file</source>
        <translation>Använd en kvalitetsprofil från en TOML-fil</translation>
    </message>
    <message>
        <source>Check as &amp;webvtt-py reads it</source>
        <translation>Kontrollera som &amp;webvtt-py läser det</translation>
    </message>
    <message>
        <source>Read the text that saving writes with webvtt-py, as many publishing scripts do, and list the cues it reads differently (PUB-01)</source>
        <translation>Läs texten som sparas med webvtt-py, som många publiceringsskript gör, och lista de undertexter den läser annorlunda (PUB-01)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öppna…</translation>
    </message>
    <message>
        <source>Open a video and/or caption file (select both to open them together)</source>
        <translation>Öppna en video och/eller en undertextfil (välj båda för att öppna dem tillsammans)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Save the captions (WebVTT)</source>
        <translation>Spara undertexterna (WebVTT)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Spara s&amp;om…</translation>
    </message>
    <message>
        <source>Save the captions under a new name</source>
        <translation>Spara undertexterna med ett nytt namn</translation>
    </message>
    <message>
        <source>&amp;Export SRT…</source>
        <translation>&amp;Exportera SRT…</translation>
    </message>
    <message>
        <source>Write a SubRip (.srt) copy of the captions</source>
        <translation>Skriv en SubRip-kopia (.srt) av undertexterna</translation>
    </message>
    <message>
        <source>&amp;Close captions</source>
        <translation>S&amp;täng undertexter</translation>
    </message>
    <message>
        <source>Close the caption file and the video</source>
        <translation>Stäng undertextfilen och videon</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <source>Quit CaptionReview</source>
        <translation>Avsluta CaptionReview</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Ångra den senaste ändringen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gör om</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Sök…</translation>
    </message>
    <message>
        <source>Find text in the cues</source>
        <translation>Sök text i undertexterna</translation>
    </message>
    <message>
        <source>Find and re&amp;place…</source>
        <translation>Sök och &amp;ersätt…</translation>
    </message>
    <message>
        <source>Replace text across cues (plain or regular expression)</source>
        <translation>Ersätt text i undertexterna (vanlig text eller reguljärt uttryck)</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Sök &amp;nästa</translation>
    </message>
    <message>
        <source>Find the next match</source>
        <translation>Sök nästa träff</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>Sök &amp;föregående</translation>
    </message>
    <message>
        <source>Find the previous match</source>
        <translation>Sök föregående träff</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>&amp;Spela / pausa</translation>
    </message>
    <message>
        <source>Play or pause (works while typing)</source>
        <translation>Spela eller pausa (fungerar medan du skriver)</translation>
    </message>
    <message>
        <source>Jump &amp;back 2 s</source>
        <translation>Hoppa &amp;bakåt 2 s</translation>
    </message>
    <message>
        <source>Go back two seconds</source>
        <translation>Gå två sekunder bakåt</translation>
    </message>
    <message>
        <source>Jump &amp;forward 2 s</source>
        <translation>Hoppa &amp;framåt 2 s</translation>
    </message>
    <message>
        <source>Go forward two seconds</source>
        <translation>Gå två sekunder framåt</translation>
    </message>
    <message>
        <source>Jump back 0.5 s</source>
        <translation>Hoppa bakåt 0,5 s</translation>
    </message>
    <message>
        <source>Go back half a second</source>
        <translation>Gå en halv sekund bakåt</translation>
    </message>
    <message>
        <source>Jump forward 0.5 s</source>
        <translation>Hoppa framåt 0,5 s</translation>
    </message>
    <message>
        <source>Go forward half a second</source>
        <translation>Gå en halv sekund framåt</translation>
    </message>
    <message>
        <source>Jump back 5 s</source>
        <translation>Hoppa bakåt 5 s</translation>
    </message>
    <message>
        <source>Go back five seconds</source>
        <translation>Gå fem sekunder bakåt</translation>
    </message>
    <message>
        <source>Jump forward 5 s</source>
        <translation>Hoppa framåt 5 s</translation>
    </message>
    <message>
        <source>Go forward five seconds</source>
        <translation>Gå fem sekunder framåt</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Föregående bildruta</translation>
    </message>
    <message>
        <source>Pause and step one frame back</source>
        <translation>Pausa och gå en bildruta bakåt</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Nästa bildruta</translation>
    </message>
    <message>
        <source>Pause and step one frame forward</source>
        <translation>Pausa och gå en bildruta framåt</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>&amp;Långsammare</translation>
    </message>
    <message>
        <source>Play more slowly (down to 0.5×)</source>
        <translation>Spela långsammare (ned till 0,5×)</translation>
    </message>
    <message>
        <source>F&amp;aster</source>
        <translation>S&amp;nabbare</translation>
    </message>
    <message>
        <source>Play faster (up to 2×)</source>
        <translation>Spela snabbare (upp till 2×)</translation>
    </message>
    <message>
        <source>&amp;Normal speed</source>
        <translation>&amp;Normal hastighet</translation>
    </message>
    <message>
        <source>Play at 1×</source>
        <translation>Spela i 1×</translation>
    </message>
    <message>
        <source>&amp;Replay current cue</source>
        <translation>Spela upp aktuell undertext &amp;igen</translation>
    </message>
    <message>
        <source>Play the cue at the playhead again from its start</source>
        <translation>Spela undertexten vid spelhuvudet igen från början</translation>
    </message>
    <message>
        <source>Play &amp;this cue</source>
        <translation>Spela &amp;den här undertexten</translation>
    </message>
    <message>
        <source>Play just the selected cue</source>
        <translation>Spela bara den valda undertexten</translation>
    </message>
    <message>
        <source>Play from 0.5 s before the cue</source>
        <translation>Spela från 0,5 s före undertexten</translation>
    </message>
    <message>
        <source>Play the selected cue with half a second before it, to hear where its words start</source>
        <translation>Spela den valda undertexten med en halv sekund före, för att höra var orden börjar</translation>
    </message>
    <message>
        <source>&amp;Loop this cue</source>
        <translation>&amp;Upprepa den här undertexten</translation>
    </message>
    <message>
        <source>Repeat the selected cue until you turn this off</source>
        <translation>Upprepa den valda undertexten tills du stänger av det</translation>
    </message>
    <message>
        <source>Pause &amp;while typing</source>
        <translation>Pausa &amp;medan du skriver</translation>
    </message>
    <message>
        <source>Pause as you type; resume 1.5 s after the last key, 1 s back</source>
        <translation>Pausa medan du skriver; fortsätt 1,5 s efter sista tangenten, 1 s bakåt</translation>
    </message>
    <message>
        <source>Edit the cue being spo&amp;ken</source>
        <translation>Redigera undertexten som &amp;sägs nu</translation>
    </message>
    <message>
        <source>Select the cue at the playhead and put the cursor in its text</source>
        <translation>Välj undertexten vid spelhuvudet och sätt markören i dess text</translation>
    </message>
    <message>
        <source>&amp;Previous cue</source>
        <translation>&amp;Föregående undertext</translation>
    </message>
    <message>
        <source>Select the previous cue</source>
        <translation>Välj föregående undertext</translation>
    </message>
    <message>
        <source>&amp;Next cue</source>
        <translation>&amp;Nästa undertext</translation>
    </message>
    <message>
        <source>Select the next cue</source>
        <translation>Välj nästa undertext</translation>
    </message>
    <message>
        <source>Set &amp;start from playhead</source>
        <translation>Sätt &amp;start vid spelhuvudet</translation>
    </message>
    <message>
        <source>The selected cue starts at the playhead</source>
        <translation>Den valda undertexten börjar vid spelhuvudet</translation>
    </message>
    <message>
        <source>Set &amp;end from playhead</source>
        <translation>Sätt s&amp;lut vid spelhuvudet</translation>
    </message>
    <message>
        <source>The selected cue ends at the playhead</source>
        <translation>Den valda undertexten slutar vid spelhuvudet</translation>
    </message>
    <message>
        <source>Set end, start the next cue here and go on</source>
        <translation>Sätt slut, börja nästa undertext här och fortsätt</translation>
    </message>
    <message>
        <source>The selected cue ends at the playhead, the next one starts right after; playback goes on and the next cue is selected</source>
        <translation>Den valda undertexten slutar vid spelhuvudet och nästa börjar direkt efter; uppspelningen fortsätter och nästa undertext väljs</translation>
    </message>
    <message>
        <source>Start 100 ms earlier</source>
        <translation>Början 100 ms tidigare</translation>
    </message>
    <message>
        <source>Move the start 100 ms earlier</source>
        <translation>Flytta början 100 ms tidigare</translation>
    </message>
    <message>
        <source>Start 100 ms later</source>
        <translation>Början 100 ms senare</translation>
    </message>
    <message>
        <source>Move the start 100 ms later</source>
        <translation>Flytta början 100 ms senare</translation>
    </message>
    <message>
        <source>End 100 ms earlier</source>
        <translation>Slut 100 ms tidigare</translation>
    </message>
    <message>
        <source>Move the end 100 ms earlier</source>
        <translation>Flytta slutet 100 ms tidigare</translation>
    </message>
    <message>
        <source>End 100 ms later</source>
        <translation>Slut 100 ms senare</translation>
    </message>
    <message>
        <source>Move the end 100 ms later</source>
        <translation>Flytta slutet 100 ms senare</translation>
    </message>
    <message>
        <source>Sp&amp;lit at cursor</source>
        <translation>&amp;Dela vid markören</translation>
    </message>
    <message>
        <source>Split the cue at the text cursor (at the playhead&apos;s time when it is inside)</source>
        <translation>Dela undertexten vid textmarkören (vid spelhuvudets tid när den ligger inuti)</translation>
    </message>
    <message>
        <source>&amp;Merge with next</source>
        <translation>Slå &amp;ihop med nästa</translation>
    </message>
    <message>
        <source>Join the selected cue with the next one</source>
        <translation>Slå ihop den valda undertexten med nästa</translation>
    </message>
    <message>
        <source>&amp;Insert cue after</source>
        <translation>&amp;Infoga undertext efter</translation>
    </message>
    <message>
        <source>Add an empty cue after the selected one</source>
        <translation>Lägg till en tom undertext efter den valda</translation>
    </message>
    <message>
        <source>&amp;Delete cue</source>
        <translation>&amp;Ta bort undertext</translation>
    </message>
    <message>
        <source>Delete the selected cues (Delete in the list)</source>
        <translation>Ta bort de valda undertexterna (Delete i listan)</translation>
    </message>
    <message>
        <source>&amp;Follow playback</source>
        <translation>&amp;Följ uppspelningen</translation>
    </message>
    <message>
        <source>Keep the cue being spoken in view in the list</source>
        <translation>Håll undertexten som sägs synlig i listan</translation>
    </message>
    <message>
        <source>Show &amp;captions on video</source>
        <translation>Visa &amp;undertexter på videon</translation>
    </message>
    <message>
        <source>Draw the captions over the picture</source>
        <translation>Rita undertexterna över bilden</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>List every command and its keys</source>
        <translation>Lista alla kommandon och deras tangenter</translation>
    </message>
    <message>
        <source>&amp;About CaptionReview</source>
        <translation>&amp;Om CaptionReview</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version och licens</translation>
    </message>
</context>
<context>
    <name>AutoCaptionOffer</name>
    <message>
        <source>Auto-captions</source>
        <translation>Automatisk textning</translation>
    </message>
    <message>
        <source>Clean up…</source>
        <translation>Städa…</translation>
    </message>
    <message>
        <source>Offer to clean up auto-captions</source>
        <translation>Erbjud att städa automatisk textning</translation>
    </message>
    <message>
        <source>Preview the clean-up of these auto-captions</source>
        <translation>Förhandsgranska städningen av den automatiska textningen</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Unsaved changes are not protected: {exc}</source>
        <translation>Osparade ändringar är inte skyddade: {exc}</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <source>Changes</source>
        <translation>Ändringar</translation>
    </message>
    <message>
        <source>Accuracy of the automatic captions</source>
        <translation>Den automatiska textningens träffsäkerhet</translation>
    </message>
    <message>
        <source>Changed cues</source>
        <translation>Ändrade undertexter</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Undertext</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Allvarlighet</translation>
    </message>
    <message>
        <source>&amp;Play cue</source>
        <translation>&amp;Spela undertexten</translation>
    </message>
    <message>
        <source>Play the cue of this change</source>
        <translation>Spela undertexten med den här ändringen</translation>
    </message>
    <message>
        <source>Severity of this change (NER model)</source>
        <translation>Den här ändringens allvarlighet (NER-modellen)</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>All&amp;varlighet:</translation>
    </message>
</context>
<context>
    <name>CleanupDialog</name>
    <message>
        <source>Clean up auto-captions</source>
        <translation>Städa automatisk textning</translation>
    </message>
    <message>
        <source>Clean-up keeps every spoken word once, removes the repeats and tags, and cuts the words into readable cues. Nothing changes until you press Apply; Edit ▸ Undo takes it back in one step.</source>
        <translation>Städningen behåller varje talat ord en gång, tar bort upprepningar och taggar och delar in orden i läsbara undertexter. Inget ändras förrän du trycker på Verkställ; Redigera ▸ Ångra tar tillbaka allt i ett steg.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Förbereder förhandsgranskningen…</translation>
    </message>
    <message>
        <source>Preparing the clean-up preview</source>
        <translation>Förbereder förhandsgranskningen av städningen</translation>
    </message>
    <message>
        <source>Cues before clean-up</source>
        <translation>Undertexter före städningen</translation>
    </message>
    <message>
        <source>&amp;Before: {cues_count} cues</source>
        <translation>&amp;Före: {cues_count} undertexter</translation>
    </message>
    <message>
        <source>Cues end at the pauses heard in the sound.</source>
        <translation>Undertexterna slutar vid pauserna som hörs i ljudet.</translation>
    </message>
    <message>
        <source>The sound analysis is not ready, so the pauses in the sound were not used.</source>
        <translation>Ljudanalysen är inte klar, så pauserna i ljudet användes inte.</translation>
    </message>
    <message>
        <source>Af&amp;ter: …</source>
        <translation>&amp;Efter: …</translation>
    </message>
    <message>
        <source>Cues after clean-up</source>
        <translation>Undertexter efter städningen</translation>
    </message>
    <message>
        <source>Readability before and after</source>
        <translation>Läsbarhet före och efter</translation>
    </message>
    <message>
        <source>Readability</source>
        <translation>Läsbarhet</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Före</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <source>Be&amp;fore and after:</source>
        <translation>Före &amp;och efter:</translation>
    </message>
    <message>
        <source>Af&amp;ter: {cues_count} cues</source>
        <translation>&amp;Efter: {cues_count} undertexter</translation>
    </message>
    <message>
        <source>&amp;Apply clean-up</source>
        <translation>&amp;Verkställ städningen</translation>
    </message>
    <message>
        <source>This file looks like auto-captions: {summary}.</source>
        <translation>Filen ser ut som automatisk textning: {summary}.</translation>
    </message>
    <message>
        <source>This file does not look like auto-captions ({summary}); applying will still re-segment every cue.</source>
        <translation>Filen ser inte ut som automatisk textning ({summary}); om du verkställer delas ändå varje undertext in på nytt.</translation>
    </message>
    <message>
        <source>{verdict}
{removed_summary}. Kept {words_count} spoken words in {cues_count} cues (was {cues}).</source>
        <translation>{verdict}
{removed_summary}. Behöll {words_count} talade ord i {cues_count} undertexter (tidigare {cues}).</translation>
    </message>
</context>
<context>
    <name>CleanupFeature</name>
    <message>
        <source>Clean &amp;up auto-captions…</source>
        <translation>St&amp;äda automatisk textning…</translation>
    </message>
    <message>
        <source>Remove roll-up repeats, bridge cues and word-timing tags from auto-captions and re-segment them into readable cues (preview first)</source>
        <translation>Ta bort rullande upprepningar, bryggundertexter och ordtidstaggar från automatisk textning och dela in den i läsbara undertexter (förhandsgranska först)</translation>
    </message>
    <message>
        <source>These captions look like auto-captions (repeated roll-up lines or word timings). Clean them up into readable cues?</source>
        <translation>De här undertexterna ser ut som automatisk textning (upprepade rullande textrader eller ordtider). Vill du städa dem till läsbara undertexter?</translation>
    </message>
    <message>
        <source>Auto-captions: Captions ▸ Clean up auto-captions… makes them readable</source>
        <translation>Automatisk textning: Undertexter ▸ Städa automatisk textning… gör den läsbar</translation>
    </message>
    <message>
        <source>Open captions first</source>
        <translation>Öppna undertexter först</translation>
    </message>
    <message>
        <source>Cleaned up: {count} cues. Edit ▸ Undo takes it back.</source>
        <translation>Städat: {count} undertexter. Redigera ▸ Ångra tar tillbaka det.</translation>
    </message>
</context>
<context>
    <name>CueEditor</name>
    <message>
        <source>No cue selected</source>
        <translation>Ingen undertext vald</translation>
    </message>
    <message>
        <source>Start time of the cue (m:ss.mmm)</source>
        <translation>Undertextens starttid (m:ss.mmm)</translation>
    </message>
    <message>
        <source>End time of the cue (m:ss.mmm)</source>
        <translation>Undertextens sluttid (m:ss.mmm)</translation>
    </message>
    <message>
        <source>Cue editing</source>
        <translation>Redigera undertexten</translation>
    </message>
    <message>
        <source>Cue text</source>
        <translation>Undertextens text</translation>
    </message>
    <message>
        <source>Line lengths</source>
        <translation>Textradernas längd</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>S&amp;tart</translation>
    </message>
    <message>
        <source>E&amp;nd</source>
        <translation>S&amp;lut</translation>
    </message>
    <message>
        <source>Cue {index} of {doc_count}</source>
        <translation>Undertext {index} av {doc_count}</translation>
    </message>
    <message>
        <source>The end ({end}) must be after the start ({start})</source>
        <translation>Slutet ({end}) måste komma efter starten ({start})</translation>
    </message>
    <message>
        <source>{speed} CPS</source>
        <translation>{speed} tecken/s</translation>
    </message>
    <message>
        <source>{speed} ({severity})</source>
        <translation>{speed} ({severity})</translation>
    </message>
    <message>
        <source>{duration} s · {speed}</source>
        <translation>{duration} s · {speed}</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>för lång</translation>
    </message>
    <message>
        <source>line {number}: {count}/{limit}</source>
        <translation>textrad {number}: {count}/{limit}</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{colour}&apos;&gt;{lines} lines&lt;/b&gt; (max {most})</source>
        <translation>&lt;b style=&apos;color:{colour}&apos;&gt;{lines} textrader&lt;/b&gt; (högst {most})</translation>
    </message>
    <message>
        <source>too many</source>
        <translation>för många</translation>
    </message>
    <message>
        <source>{total}/{most} characters</source>
        <translation>{total}/{most} tecken</translation>
    </message>
    <message>
        <source>Limits from the profile {title}</source>
        <translation>Gränser från profilen {title}</translation>
    </message>
</context>
<context>
    <name>CueTableModel</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>CPS</source>
        <translation>Tecken/s</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Start time (h:mm:ss.mmm); double-click to edit</source>
        <translation>Starttid (h:mm:ss.mmm); dubbelklicka för att redigera</translation>
    </message>
    <message>
        <source>End time (h:mm:ss.mmm); double-click to edit</source>
        <translation>Sluttid (h:mm:ss.mmm); dubbelklicka för att redigera</translation>
    </message>
    <message>
        <source>How long the cue is shown, in seconds</source>
        <translation>Hur länge undertexten visas, i sekunder</translation>
    </message>
    <message>
        <source>Characters per second (amber triangle above the profile&apos;s warning, red square above its limit)</source>
        <translation>Tecken per sekund (gul triangel över profilens varningsgräns, röd kvadrat över gränsen)</translation>
    </message>
    <message>
        <source>Review state: unreviewed (hollow circle), corrected (diamond), approved (check mark)</source>
        <translation>Granskningsläge: ogranskad (tom cirkel), rättad (romb), godkänd (bock)</translation>
    </message>
    <message>
        <source>What the viewer reads; double-click to edit (Shift+Enter for a new line)</source>
        <translation>Det tittaren läser; dubbelklicka för att redigera (Skift+Retur för ny textrad)</translation>
    </message>
    <message>
        <source>{number}, {severity}</source>
        <translation>{number}, {severity}</translation>
    </message>
    <message>
        <source>Cue {number}, {severity}: {rules} (see the Issues panel)</source>
        <translation>Undertext {number}, {severity}: {rules} (se panelen Problem)</translation>
    </message>
    <message>
        <source>Cue {number}</source>
        <translation>Undertext {number}</translation>
    </message>
    <message>
        <source>{state}. Comment: {comment}</source>
        <translation>{state}. Kommentar: {comment}</translation>
    </message>
    <message>
        <source>{speed} characters per second</source>
        <translation>{speed} tecken per sekund</translation>
    </message>
    <message>
        <source>{speed} characters per second, {severity}</source>
        <translation>{speed} tecken per sekund, {severity}</translation>
    </message>
    <message>
        <source>The cue ends before it starts: fix its times</source>
        <translation>Undertexten slutar innan den börjar: rätta tiderna</translation>
    </message>
    <message>
        <source>{speed} characters per second ({profile}: warning above {warn}, limit {limit})</source>
        <translation>{speed} tecken per sekund ({profile}: varning över {warn}, gräns {limit})</translation>
    </message>
</context>
<context>
    <name>CueTableView</name>
    <message>
        <source>Cue list</source>
        <translation>Undertextlista</translation>
    </message>
    <message>
        <source>  unreviewed ✉</source>
        <translation>  ogranskad ✉</translation>
    </message>
</context>
<context>
    <name>CueTextDelegate</name>
    <message>
        <source>Cue text</source>
        <translation>Undertextens text</translation>
    </message>
</context>
<context>
    <name>CueTimeDelegate</name>
    <message>
        <source>Cue time</source>
        <translation>Undertextens tid</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Verkställ</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;täng</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>No video open.
File ▸ Open… a video (or drop one here) to see the captions on it.</source>
        <translation>Ingen video öppen.
Arkiv ▸ Öppna… en video (eller släpp en här) för att se undertexterna på den.</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Öppna &amp;senaste</translation>
    </message>
    <message>
        <source>Open video and/or captions</source>
        <translation>Öppna video och/eller undertexter</translation>
    </message>
    <message>
        <source>Video and captions ({videos} {captions});;Captions ({captions});;Video ({videos});;All files (*)</source>
        <translation>Video och undertexter ({videos} {captions});;Undertexter ({captions});;Video ({videos});;Alla filer (*)</translation>
    </message>
    <message>
        <source>Not a file</source>
        <translation>Inte en fil</translation>
    </message>
    <message>
        <source>{folders} is a folder: open a video or a caption file.</source>
        <translation>{folders} är en mapp: öppna en video eller en undertextfil.</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>Filen hittades inte</translation>
    </message>
    <message>
        <source>{missing} does not exist.</source>
        <translation>{missing} finns inte.</translation>
    </message>
    <message>
        <source>Opened the first video and the first caption file only</source>
        <translation>Öppnade bara den första videon och den första undertextfilen</translation>
    </message>
    <message>
        <source>No captions found beside {name}: new captions</source>
        <translation>Inga undertexter hittades bredvid {name}: nya undertexter</translation>
    </message>
    <message>
        <source>Which captions?</source>
        <translation>Vilka undertexter?</translation>
    </message>
    <message>
        <source>Several caption files belong to {name}:</source>
        <translation>Flera undertextfiler hör till {name}:</translation>
    </message>
    <message>
        <source>Cannot open the caption file</source>
        <translation>Kan inte öppna undertextfilen</translation>
    </message>
    <message>
        <source> (line {line})</source>
        <translation> (rad {line})</translation>
    </message>
    <message>
        <source>Not UTF-8 — CaptionReview</source>
        <translation>Inte UTF-8 — CaptionReview</translation>
    </message>
    <message>
        <source>{name} is not UTF-8{where}, the encoding WebVTT files must have.</source>
        <translation>{name} är inte UTF-8{where}, den teckenkodning WebVTT-filer måste ha.</translation>
    </message>
    <message>
        <source> (Swedish å ä ö)</source>
        <translation> (svenska å ä ö)</translation>
    </message>
    <message>
        <source>It looks like {label}{nordic}. Open it as {label}? CaptionReview saves it as UTF-8.</source>
        <translation>Den ser ut att vara {label}{nordic}. Vill du öppna den som {label}? CaptionReview sparar den som UTF-8.</translation>
    </message>
    <message>
        <source>Damaged characters — CaptionReview</source>
        <translation>Skadade tecken — CaptionReview</translation>
    </message>
    <message>
        <source>{name} is {codec}, but some of its bytes are not{where}.</source>
        <translation>{name} är {codec}, men några av dess byte är det inte{where}.</translation>
    </message>
    <message>
        <source>Open it as {codec} with each bad byte shown as �? You can put the right letters there before you save. (Opening it as Windows-1252 or Latin-1 would garble every å, ä and ö.)</source>
        <translation>Öppna den som {codec} med varje felaktig byte visad som �? Du kan skriva rätt bokstäver där innan du sparar. (Att öppna den som Windows-1252 eller Latin-1 skulle förvränga varje å, ä och ö.)</translation>
    </message>
    <message>
        <source>Open as {codec}, bad bytes as �</source>
        <translation>Öppna som {codec}, felaktiga byte som �</translation>
    </message>
    <message>
        <source>Open as {get}</source>
        <translation>Öppna som {get}</translation>
    </message>
    <message>
        <source>{status_message}
The captions stay editable; you can save them as usual.</source>
        <translation>{status_message}
Undertexterna kan fortfarande redigeras; du kan spara dem som vanligt.</translation>
    </message>
    <message>
        <source>Save captions as</source>
        <translation>Spara undertexter som</translation>
    </message>
    <message>
        <source>WebVTT (*.vtt)</source>
        <translation>WebVTT (*.vtt)</translation>
    </message>
    <message>
        <source>Saved {written}</source>
        <translation>Sparade {written}</translation>
    </message>
    <message>
        <source>Could not save — {APP_NAME}</source>
        <translation>Kunde inte spara — {APP_NAME}</translation>
    </message>
    <message>
        <source>Your changes are kept in the window and in the recovery journal. Save them under another name?</source>
        <translation>Dina ändringar finns kvar i fönstret och i återställningsjournalen. Vill du spara dem med ett annat namn?</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>&amp;Spara som…</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Inte sparat: {reason}</translation>
    </message>
    <message>
        <source>Export SubRip</source>
        <translation>Exportera SubRip</translation>
    </message>
    <message>
        <source>SubRip (*.srt)</source>
        <translation>SubRip (*.srt)</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Kunde inte exportera</translation>
    </message>
    <message>
        <source>Exported SubRip — {APP_NAME}</source>
        <translation>Exporterade SubRip — {APP_NAME}</translation>
    </message>
    <message>
        <source>Exported {name}. Please note:</source>
        <translation>Exporterade {name}. Observera:</translation>
    </message>
    <message>
        <source>Exported {written}; {join}</source>
        <translation>Exporterade {written}; {join}</translation>
    </message>
    <message>
        <source>Exported {written}</source>
        <translation>Exporterade {written}</translation>
    </message>
    <message>
        <source>the new captions</source>
        <translation>de nya undertexterna</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>Vill du spara ändringarna i {name}?</translation>
    </message>
    <message>
        <source>If you don&apos;t, your changes are lost.</source>
        <translation>Om du inte gör det går ändringarna förlorade.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Inga senaste filer</translation>
    </message>
    <message>
        <source>Restored the unsaved changes: review them and save (Ctrl+S)</source>
        <translation>Återställde de osparade ändringarna: granska dem och spara (Ctrl+S)</translation>
    </message>
    <message>
        <source>{name} was changed by another program.</source>
        <translation>{name} har ändrats av ett annat program.</translation>
    </message>
    <message>
        <source> Your unsaved changes here would be lost.</source>
        <translation> Dina osparade ändringar här skulle gå förlorade.</translation>
    </message>
    <message>
        <source>Load the version on disk?{lost}</source>
        <translation>Vill du läsa in versionen på disken?{lost}</translation>
    </message>
    <message>
        <source>Load from disk</source>
        <translation>Läs in från disken</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>Behåll min version</translation>
    </message>
    <message>
        <source>Kept your version; saving will overwrite {name}</source>
        <translation>Behöll din version; när du sparar skrivs {name} över</translation>
    </message>
    <message>
        <source>Loaded {name} from disk</source>
        <translation>Läste in {name} från disken</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Find and replace</source>
        <translation>Sök och ersätt</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Text or regular expression</source>
        <translation>Text eller reguljärt uttryck</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersätt med</translation>
    </message>
    <message>
        <source>Replacement (\1 for a group in regex mode)</source>
        <translation>Ersättning (\1 för en grupp i läget reguljärt uttryck)</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>Reguljärt &amp;uttryck</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>Skiftlä&amp;gesberoende</translation>
    </message>
    <message>
        <source>&amp;Whole word</source>
        <translation>&amp;Hela ord</translation>
    </message>
    <message>
        <source>In &amp;selected cues only</source>
        <translation>&amp;Bara i valda undertexter</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>&amp;Find next</source>
        <translation>Sök &amp;nästa</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>Sök &amp;föregående</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersätt</translation>
    </message>
    <message>
        <source>Replace &amp;all</source>
        <translation>Ersätt &amp;alla</translation>
    </message>
    <message>
        <source>Fi&amp;nd:</source>
        <translation>S&amp;ök:</translation>
    </message>
    <message>
        <source>Replace wi&amp;th:</source>
        <translation>Ersätt &amp;med:</translation>
    </message>
    <message>
        <source>No captions are open</source>
        <translation>Inga undertexter är öppna</translation>
    </message>
    <message>
        <source>“{text}” not found</source>
        <translation>”{text}” hittades inte</translation>
    </message>
    <message>
        <source>Found in cue {index}</source>
        <translation>Hittades i undertext {index}</translation>
    </message>
    <message>
        <source>The replacement does not fit the pattern: {exc}</source>
        <translation>Ersättningen passar inte mönstret: {exc}</translation>
    </message>
    <message>
        <source>“{text}” not found: nothing replaced</source>
        <translation>”{text}” hittades inte: inget ersattes</translation>
    </message>
    <message>
        <source>Replaced {occurrences} in {cues} (one step: Edit ▸ Undo takes it back)</source>
        <translation>Ersatte {occurrences} i {cues} (ett steg: Redigera ▸ Ångra tar tillbaka det)</translation>
    </message>
</context>
<context>
    <name>FixPreviewDialog</name>
    <message>
        <source>{title} — preview</source>
        <translation>{title} — förhandsgranskning</translation>
    </message>
    <message>
        <source>All cues ({doc_count})</source>
        <translation>Alla undertexter ({doc_count})</translation>
    </message>
    <message>
        <source>Selected cues ({selected_count})</source>
        <translation>Valda undertexter ({selected_count})</translation>
    </message>
    <message>
        <source>Rules: {join}.  Apply to:</source>
        <translation>Regler: {join}.  Tillämpa på:</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Undertext</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Före</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <source>Nothing to change: no cue needs this fix.</source>
        <translation>Inget att ändra: ingen undertext behöver den här rättningen.</translation>
    </message>
    <message>
        <source> (the first {MAX_PREVIEW_ROWS} are shown)</source>
        <translation> (de första {MAX_PREVIEW_ROWS} visas)</translation>
    </message>
</context>
<context>
    <name>GlossaryEditor</name>
    <message>
        <source>One name or term per line (people, places, organisations, jargon). Lines starting with # are comments. &lt;code&gt;wrong =&amp;gt; Right&lt;/code&gt; records a correction that is always suggested.</source>
        <translation>Ett namn eller en term per rad (personer, platser, organisationer, fackord). Rader som börjar med # är kommentarer. &lt;code&gt;fel =&amp;gt; Rätt&lt;/code&gt; sparar en rättelse som alltid föreslås.</translation>
    </message>
    <message>
        <source>Glossary — {name}</source>
        <translation>Ordlista — {name}</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Fil: {path}</translation>
    </message>
    <message>
        <source> (created when you save)</source>
        <translation> (skapas när du sparar)</translation>
    </message>
    <message>
        <source>Glossary terms</source>
        <translation>Ordlistans termer</translation>
    </message>
    <message>
        <source>Saved. Check these lines: </source>
        <translation>Sparat. Kontrollera de här raderna: </translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <source>Errors</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Varningar</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anmärkningar</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Findings grouped by severity and rule; Enter goes to the cue</source>
        <translation>Fynd grupperade efter allvarlighet och regel; Retur går till undertexten</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Inget dokument</translation>
    </message>
    <message>
        <source>Selected issue</source>
        <translation>Valt problem</translation>
    </message>
    <message>
        <source>1 problem in the file: see the Issues panel (nothing was dropped)</source>
        <translation>1 problem i filen: se panelen Problem (inget togs bort)</translation>
    </message>
    <message>
        <source>{count} problems in the file: see the Issues panel (nothing was dropped)</source>
        <translation>{count} problem i filen: se panelen Problem (inget togs bort)</translation>
    </message>
    <message>
        <source>Checking {count} cues…</source>
        <translation>Kontrollerar {count} undertexter…</translation>
    </message>
    <message>
        <source>No issues against {profile}.</source>
        <translation>Inga problem enligt {profile}.</translation>
    </message>
    <message>
        <source>Check finished: {summary}</source>
        <translation>Kontrollen klar: {summary}</translation>
    </message>
    <message>
        <source>… {more} more (use F8 to go through them)</source>
        <translation>… {more} till (använd F8 för att gå igenom dem)</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>Rad {line}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Suggested: {text}</source>
        <translation>Förslag: {text}</translation>
    </message>
    <message>
        <source>Still checking the captions; try again in a moment.</source>
        <translation>Kontrollerar fortfarande undertexterna; försök igen om en stund.</translation>
    </message>
    <message>
        <source>No issues.</source>
        <translation>Inga problem.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Uppspelning</translation>
    </message>
    <message>
        <source>&amp;Captions</source>
        <translation>U&amp;ndertexter</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>&amp;Kontroll</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;Systemets språk</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>Undertexter</translation>
    </message>
    <message>
        <source>Cue editor</source>
        <translation>Undertextredigerare</translation>
    </message>
    <message>
        <source>Start ⟵ playhead</source>
        <translation>Start ⟵ spelhuvud</translation>
    </message>
    <message>
        <source>End ⟵ playhead</source>
        <translation>Slut ⟵ spelhuvud</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Dela</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Slå ihop</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Infoga</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Playback time</source>
        <translation>Uppspelningstid</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Åte&amp;rställ layouten</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>The new language is used from the next time CaptionReview starts.</source>
        <translation>Det nya språket används från nästa gång CaptionReview startar.</translation>
    </message>
    <message>
        <source>Quality &amp;profile</source>
        <translation>Kvalitets&amp;profil</translation>
    </message>
    <message>
        <source>Cannot use this quality profile</source>
        <translation>Kan inte använda den här kvalitetsprofilen</translation>
    </message>
    <message>
        <source>{message} — the captions stay editable</source>
        <translation>{message} — undertexterna kan fortfarande redigeras</translation>
    </message>
    <message>
        <source>No captions open</source>
        <translation>Inga undertexter öppna</translation>
    </message>
    <message>
        <source>New captions</source>
        <translation>Nya undertexter</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Inte sparad än</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Ändrad</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparad</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Ångra {what}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Gör om {what}</translation>
    </message>
    <message>
        <source>About {APP_NAME}</source>
        <translation>Om {APP_NAME}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{APP_NAME} {version__}&lt;/h3&gt;&lt;p&gt;Review and correct auto-generated captions against the video; saves lossless WebVTT.&lt;/p&gt;&lt;p&gt;MIT licence. Video by libvlc ({status_message}).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{APP_NAME} {version__}&lt;/h3&gt;&lt;p&gt;Granska och rätta automatiskt skapade undertexter mot videon; sparar förlustfri WebVTT.&lt;/p&gt;&lt;p&gt;MIT-licens. Video med libvlc ({status_message}).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OfferBar</name>
    <message>
        <source>Not now</source>
        <translation>Inte nu</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>install VLC (Debian/Ubuntu: apt-get install vlc, or libvlc5 vlc-plugin-base; Windows/macOS: https://www.videolan.org)</source>
        <translation>installera VLC (Debian/Ubuntu: apt-get install vlc, eller libvlc5 vlc-plugin-base; Windows/macOS: https://www.videolan.org)</translation>
    </message>
    <message>
        <source>Convert it to MP4 (H.264/AAC) or open another video.</source>
        <translation>Konvertera den till MP4 (H.264/AAC) eller öppna en annan video.</translation>
    </message>
    <message>
        <source>Was it moved or renamed? Open it again with File ▸ Open.</source>
        <translation>Har den flyttats eller bytt namn? Öppna den igen med Arkiv ▸ Öppna.</translation>
    </message>
    <message>
        <source>libvlc not found: {hint}</source>
        <translation>libvlc hittades inte: {hint}</translation>
    </message>
    <message>
        <source>libvlc could not start (VLC plugins missing?): {hint}</source>
        <translation>libvlc kunde inte starta (saknas VLC-insticksmoduler?): {hint}</translation>
    </message>
    <message>
        <source>Cannot play {file_name}: VLC could not decode it. {CONVERT_HINT}</source>
        <translation>Kan inte spela {file_name}: VLC kunde inte avkoda den. {CONVERT_HINT}</translation>
    </message>
    <message>
        <source>Cannot play {file_name}: VLC found no video or audio in it (is it a video file?). {CONVERT_HINT}</source>
        <translation>Kan inte spela {file_name}: VLC hittade varken video eller ljud i den (är det en videofil?). {CONVERT_HINT}</translation>
    </message>
    <message>
        <source>Cannot show the picture of {file_name}: VLC could not decode its video. {CONVERT_HINT}</source>
        <translation>Kan inte visa bilden i {file_name}: VLC kunde inte avkoda videon. {CONVERT_HINT}</translation>
    </message>
    <message>
        <source>Video file not found: {path}. {MOVED_HINT}</source>
        <translation>Videofilen hittades inte: {path}. {MOVED_HINT}</translation>
    </message>
    <message>
        <source>the video</source>
        <translation>videon</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>What would come back:</source>
        <translation>Det här skulle komma tillbaka:</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Återställ</translation>
    </message>
    <message>
        <source>&amp;Open instead of {name}</source>
        <translation>&amp;Öppna i stället för {name}</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Kasta</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>I&amp;nte nu</translation>
    </message>
</context>
<context>
    <name>ReviewFeature</name>
    <message>
        <source>Review progress</source>
        <translation>Granskningsläge</translation>
    </message>
    <message>
        <source>The review file cannot be used ({error}); it is left as it is and this review is not saved.</source>
        <translation>Granskningsfilen kan inte användas ({error}); den lämnas som den är och den här granskningen sparas inte.</translation>
    </message>
    <message>
        <source>the captions as opened</source>
        <translation>undertexterna som de öppnades</translation>
    </message>
    <message>
        <source>Resumed at cue {n}, where the review stopped.</source>
        <translation>Fortsätter vid undertext {n}, där granskningen slutade.</translation>
    </message>
    <message>
        <source>Approve a cue with errors?</source>
        <translation>Godkänna en undertext med fel?</translation>
    </message>
    <message>
        <source>Cue {n} still has errors (see the Issues panel). Approve it anyway?</source>
        <translation>Undertext {n} har fortfarande fel (se panelen Problem). Godkänna den ändå?</translation>
    </message>
    <message>
        <source>You will not be asked again in this session.</source>
        <translation>Du får inte frågan igen under den här sessionen.</translation>
    </message>
    <message>
        <source>Every cue is approved.</source>
        <translation>Alla undertexter är godkända.</translation>
    </message>
    <message>
        <source>No change from the auto track.</source>
        <translation>Ingen ändring från den automatiska textningen.</translation>
    </message>
    <message>
        <source>{corrected} corrected, {unreviewed} unreviewed</source>
        <translation>{corrected} rättade, {unreviewed} ogranskade</translation>
    </message>
    <message>
        <source>Open captions to see their changes.</source>
        <translation>Öppna undertexter för att se deras ändringar.</translation>
    </message>
    <message>
        <source>case or punctuation</source>
        <translation>versaler eller skiljetecken</translation>
    </message>
    <message numerus="yes">
        <source>Changes (%n cue(s))</source>
        <translation>
            <numerusform>Ändringar (%n undertext)</numerusform>
            <numerusform>Ändringar (%n undertexter)</numerusform>
        </translation>
    </message>
    <message>
        <source>Against {name}: WER {wer} ({s} substituted, {d} deleted, {i} inserted of {n} words); NER estimate {ner} ({verdict}); {case} case and {punct} punctuation changes.</source>
        <translation>Mot {name}: WER {wer} ({s} utbytta, {d} borttagna, {i} tillagda av {n} ord); NER-uppskattning {ner} ({verdict}); {case} versal- och {punct} skiljeteckenändringar.</translation>
    </message>
    <message>
        <source>passes 98 %</source>
        <translation>klarar 98 %</translation>
    </message>
    <message>
        <source>below 98 %</source>
        <translation>under 98 %</translation>
    </message>
    <message>
        <source>The review could not be saved to {name}: {reason}</source>
        <translation>Granskningen kunde inte sparas i {name}: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <source>Review progress</source>
        <translation>Granskningsläge</translation>
    </message>
    <message>
        <source>All cues</source>
        <translation>Alla undertexter</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Inte godkända</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Ogranskade</translation>
    </message>
    <message>
        <source>With issues</source>
        <translation>Med problem</translation>
    </message>
    <message>
        <source>With comments</source>
        <translation>Med kommentarer</translation>
    </message>
    <message>
        <source>Show in the cue list</source>
        <translation>Visa i undertextlistan</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <source>State of this cue</source>
        <translation>Den här undertextens status</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Approve and next</source>
        <translation>&amp;Godkänn och nästa</translation>
    </message>
    <message>
        <source>Approve this cue and go to the next</source>
        <translation>Godkänn den här undertexten och gå till nästa</translation>
    </message>
    <message>
        <source>&amp;Next unreviewed</source>
        <translation>&amp;Nästa ogranskade</translation>
    </message>
    <message>
        <source>Go to the next cue that is not approved</source>
        <translation>Gå till nästa undertext som inte är godkänd</translation>
    </message>
    <message>
        <source>&amp;Withdraw approval</source>
        <translation>&amp;Dra tillbaka godkännandet</translation>
    </message>
    <message>
        <source>Withdraw the approval of this cue</source>
        <translation>Dra tillbaka godkännandet av den här undertexten</translation>
    </message>
    <message>
        <source>&amp;Comment for a colleague:</source>
        <translation>&amp;Kommentar till en kollega:</translation>
    </message>
    <message>
        <source>Comment on this cue</source>
        <translation>Kommentar till den här undertexten</translation>
    </message>
    <message>
        <source>Changed from the auto track:</source>
        <translation>Ändrat från den automatiska textningen:</translation>
    </message>
    <message>
        <source>Words changed in this cue</source>
        <translation>Ändrade ord i den här undertexten</translation>
    </message>
    <message>
        <source>{approved} of {total} approved ({percent} %)</source>
        <translation>{approved} av {total} godkända ({percent} %)</translation>
    </message>
    <message>
        <source>Next &amp;unreviewed</source>
        <translation>Nästa &amp;ogranskade</translation>
    </message>
    <message>
        <source>&amp;Comment on cue</source>
        <translation>&amp;Kommentera undertexten</translation>
    </message>
    <message>
        <source>C&amp;hanges</source>
        <translation>Ä&amp;ndringar</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Granskning</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>error</source>
        <translation>fel</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>varning</translation>
    </message>
    <message>
        <source>note</source>
        <translation>anmärkning</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts — CaptionReview</source>
        <translation>Kortkommandon — CaptionReview</translation>
    </message>
    <message>
        <source>Filter: type part of a command or a key</source>
        <translation>Filter: skriv en del av ett kommando eller en tangent</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filtrera kortkommandon</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Meny</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Kommando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tangenter</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>In the cue list: Enter puts the cursor in the cue&apos;s text, Delete removes the selected cues, a double click edits a cell (Shift+Enter for a new line). In the cue text: Escape goes back to the list.</source>
        <translation>I undertextlistan: Retur sätter markören i undertextens text, Delete tar bort de valda undertexterna, dubbelklick redigerar en cell (Skift+Retur för ny textrad). I undertextens text: Escape går tillbaka till listan.</translation>
    </message>
</context>
<context>
    <name>SpellCheck</name>
    <message>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <source>from the file&apos;s header</source>
        <translation>från filhuvudet</translation>
    </message>
    <message>
        <source>from a NOTE in the file</source>
        <translation>från en NOTE i filen</translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation>från filnamnet</translation>
    </message>
    <message>
        <source>guessed from the text</source>
        <translation>gissat utifrån texten</translation>
    </message>
    <message>
        <source>&amp;Next suspicious word</source>
        <translation>&amp;Nästa misstänkta ord</translation>
    </message>
    <message>
        <source>Jump to the next misspelled word, glossary near miss or ASR flag and play its cue</source>
        <translation>Hoppa till nästa felstavade ord, nästan-träff i ordlistan eller ASR-flagga och spela dess undertext</translation>
    </message>
    <message>
        <source>&amp;Suggest corrections</source>
        <translation>&amp;Föreslå rättelser</translation>
    </message>
    <message>
        <source>Show suggestions for the word at the text cursor</source>
        <translation>Visa förslag för ordet vid textmarkören</translation>
    </message>
    <message>
        <source>&amp;Underline suspicious words</source>
        <translation>&amp;Stryk under misstänkta ord</translation>
    </message>
    <message>
        <source>Next suspicious word: most &amp;certain first</source>
        <translation>Nästa misstänkta ord: det &amp;säkraste först</translation>
    </message>
    <message>
        <source>F7 goes to the flags the check is surest about first, not in reading order</source>
        <translation>F7 går först till de flaggor kontrollen är säkrast på, inte i läsordning</translation>
    </message>
    <message>
        <source>Apply last correction &amp;everywhere…</source>
        <translation>Tillämpa senaste rättelsen &amp;överallt…</translation>
    </message>
    <message>
        <source>List the other occurrences of the word you just corrected and replace them</source>
        <translation>Lista de andra förekomsterna av ordet du nyss rättade och ersätt dem</translation>
    </message>
    <message>
        <source>Edit &amp;glossary…</source>
        <translation>Redigera &amp;ordlistan…</translation>
    </message>
    <message>
        <source>Edit the names and terms that the check looks for</source>
        <translation>Redigera namnen och termerna som kontrollen letar efter</translation>
    </message>
    <message>
        <source>Use glossary &amp;file…</source>
        <translation>Använd ordliste&amp;fil…</translation>
    </message>
    <message>
        <source>&amp;Re-check words</source>
        <translation>&amp;Kontrollera orden igen</translation>
    </message>
    <message>
        <source>Spelling &amp;language</source>
        <translation>Stavnings&amp;språk</translation>
    </message>
    <message>
        <source>Follow the file</source>
        <translation>Följ filen</translation>
    </message>
    <message>
        <source>from the quality profile</source>
        <translation>från kvalitetsprofilen</translation>
    </message>
    <message>
        <source>Spelling language: {get}</source>
        <translation>Stavningsspråk: {get}</translation>
    </message>
    <message>
        <source>Follow the file ({get}, {how})</source>
        <translation>Följ filen ({get}, {how})</translation>
    </message>
    <message>
        <source>Checking words… {done} of {total} cues</source>
        <translation>Kontrollerar ord… {done} av {total} undertexter</translation>
    </message>
    <message>
        <source>Word list not saved</source>
        <translation>Stavningsordlistan sparades inte</translation>
    </message>
    <message>
        <source>{error}

The word list is as it was. To accept a word in every file, add it to your dictionary instead.</source>
        <translation>{error}

Stavningsordlistan är som förut. Lägg till ordet i din stavningsordlista i stället om det ska godtas i alla filer.</translation>
    </message>
    <message>
        <source>Added “{word}” to this file&apos;s word list, {name}</source>
        <translation>Lade till ”{word}” i filens egen stavningsordlista, {name}</translation>
    </message>
    <message>
        <source>Removed “{word}” from this file&apos;s word list, {name}</source>
        <translation>Tog bort ”{word}” ur filens egen stavningsordlista, {name}</translation>
    </message>
    <message>
        <source>Select a cue first</source>
        <translation>Välj en undertext först</translation>
    </message>
    <message>
        <source>Nothing to suggest here</source>
        <translation>Inget att föreslå här</translation>
    </message>
    <message>
        <source>Replace with “{option}”</source>
        <translation>Ersätt med ”{option}”</translation>
    </message>
    <message>
        <source>Remove “{strip}”</source>
        <translation>Ta bort ”{strip}”</translation>
    </message>
    <message>
        <source>Add “{found}” to dictionary</source>
        <translation>Lägg till ”{found}” i stavningsordlistan</translation>
    </message>
    <message>
        <source>Add “{found}” to this file&apos;s word list</source>
        <translation>Lägg till ”{found}” i filens egen stavningsordlista</translation>
    </message>
    <message>
        <source>Ignore “{strip}”</source>
        <translation>Ignorera ”{strip}”</translation>
    </message>
    <message>
        <source>Add “{found}” to glossary</source>
        <translation>Lägg till ”{found}” i ordlistan</translation>
    </message>
    <message>
        <source>Remember “{found} =&gt; {suggestion}” in glossary</source>
        <translation>Spara ”{found} =&gt; {suggestion}” i ordlistan</translation>
    </message>
    <message>
        <source>Remove “{word}” from this file&apos;s word list</source>
        <translation>Ta bort ”{word}” ur filens egen stavningsordlista</translation>
    </message>
    <message>
        <source>The words of this file only, in {name} beside the captions</source>
        <translation>Ord som bara gäller den här filen, i {name} bredvid undertexterna</translation>
    </message>
    <message>
        <source>Could not save the personal word list: {strerror}</source>
        <translation>Kunde inte spara den personliga ordlistan: {strerror}</translation>
    </message>
    <message>
        <source>Added “{word}” to your {get} words</source>
        <translation>Lade till ”{word}” bland dina ord på {get}</translation>
    </message>
    <message>
        <source>Glossary saved: {path}</source>
        <translation>Ordlistan sparades: {path}</translation>
    </message>
    <message>
        <source>Use glossary file</source>
        <translation>Använd ordlistefil</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>Still checking…</source>
        <translation>Kontrollerar fortfarande…</translation>
    </message>
    <message>
        <source>No suspicious words</source>
        <translation>Inga misstänkta ord</translation>
    </message>
    <message>
        <source>another cue</source>
        <translation>en annan undertext</translation>
    </message>
    <message>
        <source>You replaced “{old}” with “{new}”. It occurs in {where}: replace there too?</source>
        <translation>Du ersatte ”{old}” med ”{new}”. Det förekommer i {where}: ersätta där också?</translation>
    </message>
    <message>
        <source>Correct a word in a cue first</source>
        <translation>Rätta ett ord i en undertext först</translation>
    </message>
    <message>
        <source>“{old}” no longer occurs</source>
        <translation>”{old}” förekommer inte längre</translation>
    </message>
</context>
<context>
    <name>SpreadDialog</name>
    <message>
        <source>Apply correction everywhere</source>
        <translation>Tillämpa rättelsen överallt</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Spela</translation>
    </message>
    <message>
        <source>Replace “{old}” with “{new}” in {places}? Untick the ones to keep; ▶ plays the cue.</source>
        <translation>Ersätt ”{old}” med ”{new}” på {places}? Avmarkera de du vill behålla; ▶ spelar undertexten.</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Undertext</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Tick to replace here</source>
        <translation>Markera för att ersätta här</translation>
    </message>
    <message>
        <source>Play cue {cue_index} with the word selected</source>
        <translation>Spela undertext {cue_index} med ordet markerat</translation>
    </message>
    <message>
        <source>Also &amp;save “{old} =&gt; {new}” to the glossary</source>
        <translation>Spara också ”{old} =&gt; {new}” i &amp;ordlistan</translation>
    </message>
    <message>
        <source>&amp;Tick all</source>
        <translation>&amp;Markera alla</translation>
    </message>
    <message>
        <source>&amp;Untick all</source>
        <translation>Av&amp;markera alla</translation>
    </message>
    <message>
        <source>&amp;Replace ticked</source>
        <translation>&amp;Ersätt markerade</translation>
    </message>
    <message>
        <source>Replaced “{old}” in {places}. Edit ▸ Undo takes it back.</source>
        <translation>Ersatte ”{old}” på {places}. Redigera ▸ Ångra tar tillbaka det.</translation>
    </message>
</context>
<context>
    <name>SpreadOffer</name>
    <message>
        <source>Correction</source>
        <translation>Rättelse</translation>
    </message>
    <message>
        <source>Review and apply…</source>
        <translation>Granska och tillämpa…</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Waveform with speech shaded, cue blocks and the playhead. Left and Right select cues; Shift or Ctrl with them move the start or end by 10 ms.</source>
        <translation>Vågform med talet skuggat, undertextblock och spelhuvudet. Vänster- och högerpil väljer undertexter; med Skift eller Ctrl flyttar de början eller slutet 10 ms.</translation>
    </message>
    <message>
        <source>Timeline position</source>
        <translation>Position i tidslinjen</translation>
    </message>
    <message>
        <source>Drag cue start</source>
        <translation>Dra undertextens början</translation>
    </message>
    <message>
        <source>Drag cue end</source>
        <translation>Dra undertextens slut</translation>
    </message>
    <message>
        <source>Move cue</source>
        <translation>Flytta undertext</translation>
    </message>
    <message>
        <source>Moved cue %1 and pushed its neighbour</source>
        <translation>Flyttade undertext %1 och knuffade dess granne</translation>
    </message>
    <message>
        <source>Timeline: previous cue</source>
        <translation>Tidslinje: föregående undertext</translation>
    </message>
    <message>
        <source>Timeline: next cue</source>
        <translation>Tidslinje: nästa undertext</translation>
    </message>
    <message>
        <source>Timeline: start 10 ms earlier</source>
        <translation>Tidslinje: början 10 ms tidigare</translation>
    </message>
    <message>
        <source>Timeline: start 10 ms later</source>
        <translation>Tidslinje: början 10 ms senare</translation>
    </message>
    <message>
        <source>Timeline: end 10 ms earlier</source>
        <translation>Tidslinje: slut 10 ms tidigare</translation>
    </message>
    <message>
        <source>Timeline: end 10 ms later</source>
        <translation>Tidslinje: slut 10 ms senare</translation>
    </message>
    <message>
        <source>Timeline: zoom in</source>
        <translation>Tidslinje: zooma in</translation>
    </message>
    <message>
        <source>Timeline: zoom out</source>
        <translation>Tidslinje: zooma ut</translation>
    </message>
    <message>
        <source>Timeline: whole video</source>
        <translation>Tidslinje: hela videon</translation>
    </message>
    <message>
        <source>Works while the timeline has the keyboard focus</source>
        <translation>Fungerar när tidslinjen har tangentbordsfokus</translation>
    </message>
    <message>
        <source>Select a cue first</source>
        <translation>Välj en undertext först</translation>
    </message>
    <message>
        <source>Change times</source>
        <translation>Ändra tider</translation>
    </message>
</context>
<context>
    <name>TimelineFeature</name>
    <message>
        <source>Sound analysis progress</source>
        <translation>Förlopp för ljudanalysen</translation>
    </message>
    <message>
        <source>Sound %p%</source>
        <translation>Ljud %p%</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppa</translation>
    </message>
    <message>
        <source>Stop the sound analysis</source>
        <translation>Stoppa ljudanalysen</translation>
    </message>
    <message>
        <source>Stop analysing the sound (the timeline shows cues only)</source>
        <translation>Sluta analysera ljudet (tidslinjen visar bara undertexterna)</translation>
    </message>
    <message>
        <source>Go to the timeline</source>
        <translation>Gå till tidslinjen</translation>
    </message>
    <message>
        <source>Put the keyboard focus on the timeline under the video</source>
        <translation>Flytta tangentbordsfokus till tidslinjen under videon</translation>
    </message>
    <message>
        <source>Snap cue to speech</source>
        <translation>Fäst undertexten vid talet</translation>
    </message>
    <message>
        <source>Move the selected cue&apos;s start and end to the speech edges within 0.5 s</source>
        <translation>Flytta den valda undertextens början och slut till talets kanter inom 0,5 s</translation>
    </message>
    <message>
        <source>Snap all cues to speech…</source>
        <translation>Fäst alla undertexter vid talet…</translation>
    </message>
    <message>
        <source>Preview moving every cue&apos;s edges to the speech edges near them, then apply</source>
        <translation>Förhandsgranska att varje undertexts kanter flyttas till talets kanter i närheten och verkställ sedan</translation>
    </message>
    <message>
        <source>Shift all cues by…</source>
        <translation>Flytta alla undertexter…</translation>
    </message>
    <message>
        <source>Preview moving every cue by the same time (the measured offset to the speech)</source>
        <translation>Förhandsgranska att varje undertext flyttas lika mycket (den uppmätta förskjutningen mot talet)</translation>
    </message>
    <message>
        <source>Open a caption file first</source>
        <translation>Öppna en undertextfil först</translation>
    </message>
    <message>
        <source>Move every cue by this many milliseconds (negative: earlier):</source>
        <translation>Flytta varje undertext så här många millisekunder (negativt: tidigare):</translation>
    </message>
    <message>
        <source>The speech runs %1 ms from the cues.</source>
        <translation>Talet ligger %1 ms från undertexterna.</translation>
    </message>
    <message>
        <source>Shift all cues</source>
        <translation>Flytta alla undertexter</translation>
    </message>
    <message>
        <source>Shift cues by %1 ms</source>
        <translation>Flytta undertexter %1 ms</translation>
    </message>
    <message>
        <source>Select a cue first</source>
        <translation>Välj en undertext först</translation>
    </message>
    <message>
        <source>Cue %1 not changed: no speech starts or ends near its edges, it is already on them, or a neighbour is in the way</source>
        <translation>Undertext %1 ändrades inte: inget tal börjar eller slutar nära dess kanter, den ligger redan på dem, eller en granne är i vägen</translation>
    </message>
    <message>
        <source>Snap to speech</source>
        <translation>Fäst vid talet</translation>
    </message>
    <message>
        <source>Cue %1 now runs with the speech: %2 → %3</source>
        <translation>Undertext %1 följer nu talet: %2 → %3</translation>
    </message>
    <message>
        <source>No speech to snap to: open the video and wait for the sound analysis</source>
        <translation>Inget tal att fästa vid: öppna videon och vänta på ljudanalysen</translation>
    </message>
    <message>
        <source>Listening to the sound…</source>
        <translation>Lyssnar på ljudet…</translation>
    </message>
    <message>
        <source>Analysing the sound of %1</source>
        <translation>Analyserar ljudet i %1</translation>
    </message>
    <message>
        <source>Sound analysis stopped: the timeline shows the cues.</source>
        <translation>Ljudanalysen stoppades: tidslinjen visar undertexterna.</translation>
    </message>
    <message>
        <source>No sound to show: %1</source>
        <translation>Inget ljud att visa: %1</translation>
    </message>
    <message>
        <source>No sound analysis (%1); the captions and video work as before.</source>
        <translation>Ingen ljudanalys (%1); undertexterna och videon fungerar som förut.</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Playback controls</source>
        <translation>Uppspelningskontroller</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Uppspelningshastighet</translation>
    </message>
    <message>
        <source>Playback speed (0.5× to 2×)</source>
        <translation>Uppspelningshastighet (0,5× till 2×)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volym</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Spela</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>Spelar</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausad</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Slå på ljudet</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stäng av ljudet</translation>
    </message>
</context>
<context>
    <name>VideoWidget</name>
    <message>
        <source>No video loaded. Open a video with File ▸ Open; captions can be edited without one.</source>
        <translation>Ingen video inläst. Öppna en video med Arkiv ▸ Öppna; undertexterna kan redigeras utan video.</translation>
    </message>
    <message>
        <source>This file has sound but no picture; the captions are shown over this area.</source>
        <translation>Filen har ljud men ingen bild; undertexterna visas över den här ytan.</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
</context>
<context>
    <name>_Features</name>
    <message>
        <source>Open a caption file first.</source>
        <translation>Öppna en undertextfil först.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportera rapport</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-rapport (*.html)</translation>
    </message>
    <message>
        <source>Untitled captions</source>
        <translation>Namnlösa undertexter</translation>
    </message>
    <message>
        <source>The report could not be written to {target}:
{value}</source>
        <translation>Rapporten kunde inte skrivas till {target}:
{value}</translation>
    </message>
    <message>
        <source>Report written to {target}</source>
        <translation>Rapporten skrevs till {target}</translation>
    </message>
    <message>
        <source>Load quality profile</source>
        <translation>Läs in kvalitetsprofil</translation>
    </message>
    <message>
        <source>Profiles (*.toml)</source>
        <translation>Profiler (*.toml)</translation>
    </message>
    <message>
        <source>Quality profile: {title}</source>
        <translation>Kvalitetsprofil: {title}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Internal error ({name__}: {value}); your changes are kept in the recovery journal. Please report it with the text printed in the terminal.</source>
        <translation>Internt fel ({name__}: {value}); dina ändringar finns kvar i återställningsjournalen. Rapportera det gärna med texten som skrevs ut i terminalen.</translation>
    </message>
    <message>
        <source>The demo lecture is not installed (looked in {assets_dir})</source>
        <translation>Demoföreläsningen är inte installerad (letade i {assets_dir})</translation>
    </message>
</context>
<context>
    <name>issues_panel</name>
    <message>
        <source>&amp;Fix</source>
        <translation>&amp;Rätta</translation>
    </message>
    <message>
        <source>Rules: {join}</source>
        <translation>Regler: {join}</translation>
    </message>
    <message>
        <source>&amp;Issues</source>
        <translation>&amp;Problem</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>the open captions</source>
        <translation>de öppna undertexterna</translation>
    </message>
    <message>
        <source>Could not restore the unsaved work: {exc}</source>
        <translation>Kunde inte återställa det osparade arbetet: {exc}</translation>
    </message>
    <message>
        <source>{name} (location unknown; you choose where to save it)</source>
        <translation>{name} (okänd plats; du väljer var den ska sparas)</translation>
    </message>
    <message>
        <source>Recorded as {unknown_location}, relative to a folder no longer known.</source>
        <translation>Sparad som {unknown_location}, relativt en mapp som inte längre är känd.</translation>
    </message>
    <message>
        <source>new captions that were never saved</source>
        <translation>nya undertexter som aldrig sparats</translation>
    </message>
    <message>
        <source>Never saved: you choose where to save it.</source>
        <translation>Aldrig sparad: du väljer var den ska sparas.</translation>
    </message>
    <message>
        <source>CaptionReview did not close normally. Unsaved changes to {what} were kept at {when}.</source>
        <translation>CaptionReview stängdes inte normalt. Osparade ändringar i {what} sparades {when}.</translation>
    </message>
    <message>
        <source>Restore unsaved work? — CaptionReview</source>
        <translation>Återställ osparat arbete? — CaptionReview</translation>
    </message>
    <message>
        <source>Restore them? You can then review and save them.</source>
        <translation>Vill du återställa dem? Du kan sedan granska och spara dem.</translation>
    </message>
    <message>
        <source>Open them instead of {replacing}? You can then review and save them; {replacing} is not changed.</source>
        <translation>Vill du öppna dem i stället för {replacing}? Du kan sedan granska och spara dem; {replacing} ändras inte.</translation>
    </message>
</context>
</TS>
