<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DicomImport</name>
    <message numerus="yes">
        <source> %n image(s) may show text burned into the pixels, which de-identification leaves: check them before sharing.</source>
        <translation>
            <numerusform> %n Bild kann in die Pixel eingebrannten Text zeigen, den die De-Identifizierung belässt: vor der Weitergabe prüfen.</numerusform>
            <numerusform> %n Bilder können in die Pixel eingebrannten Text zeigen, den die De-Identifizierung belässt: vor der Weitergabe prüfen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The file or folder does not exist.</source>
        <translation>Die Datei oder der Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>The file exists but cannot be read (permissions or a disk error).</source>
        <translation>Die Datei existiert, kann aber nicht gelesen werden (Berechtigungen oder Datenträgerfehler).</translation>
    </message>
    <message>
        <source>Delineo does not read this file format.</source>
        <translation>Delineo liest dieses Dateiformat nicht.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete.</source>
        <translation>Die Datei ist beschädigt oder unvollständig.</translation>
    </message>
    <message>
        <source>The image is compressed in a way Delineo cannot decode.</source>
        <translation>Das Bild ist so komprimiert, dass Delineo es nicht dekodieren kann.</translation>
    </message>
    <message>
        <source>The sizes do not match.</source>
        <translation>Die Größen passen nicht zusammen.</translation>
    </message>
    <message>
        <source>Writing failed (disk full or no permission?). What was saved before is kept.</source>
        <translation>Schreiben fehlgeschlagen (Datenträger voll oder keine Berechtigung?). Zuvor Gespeichertes bleibt erhalten.</translation>
    </message>
    <message>
        <source>Another Delineo window or process is using it.</source>
        <translation>Ein anderes Delineo-Fenster oder ein anderer Prozess verwendet es.</translation>
    </message>
    <message>
        <source>The model file is missing, damaged or does not fit its description.</source>
        <translation>Die Modelldatei fehlt, ist beschädigt oder passt nicht zu ihrer Beschreibung.</translation>
    </message>
    <message>
        <source>Training could not start or go on.</source>
        <translation>Das Training konnte nicht starten oder fortfahren.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>The file claims a size larger than Delineo allows itself to load.</source>
        <translation>Die Datei gibt eine Größe an, die Delineo nicht zu laden erlaubt.</translation>
    </message>
</context>
<context>
    <name>LoadWarning</name>
    <message>
        <source>no ImagePositionPatient/ImageOrientationPatient: slices ordered by InstanceNumber, slice spacing unknown</source>
        <translation>kein ImagePositionPatient/ImageOrientationPatient: Schichten nach InstanceNumber geordnet, Schichtabstand unbekannt</translation>
    </message>
    <message>
        <source>two or more slices share a position (duplicates or several stacks in one series)</source>
        <translation>zwei oder mehr Schichten teilen eine Position (Duplikate oder mehrere Stapel in einer Serie)</translation>
    </message>
    <message>
        <source>irregular slice spacing: %1 to %2 mm (median %3 mm)</source>
        <translation>unregelmäßiger Schichtabstand: %1 bis %2 mm (Median %3 mm)</translation>
    </message>
    <message>
        <source>gantry tilt of %1 degrees: slices are sheared relative to the slice normal</source>
        <translation>Gantry-Neigung von %1 Grad: die Schichten sind gegen die Schichtnormale geschert</translation>
    </message>
    <message>
        <source>slice numbers are not contiguous (a sample of the scan): slice spacing unknown</source>
        <translation>Schichtnummern sind nicht fortlaufend (eine Auswahl aus dem Scan): Schichtabstand unbekannt</translation>
    </message>
    <message>
        <source>%1; the first %2 frames are open</source>
        <translation>%1; die ersten %2 Bilder sind geöffnet</translation>
    </message>
    <message>
        <source>only the first %1 of %2 frames are open</source>
        <translation>nur die ersten %1 von %2 Bildern sind geöffnet</translation>
    </message>
    <message>
        <source>saved mask %1 does not match the image size: ignored</source>
        <translation>gespeicherte Maske %1 passt nicht zur Bildgröße: ignoriert</translation>
    </message>
    <message>
        <source>saved mask unreadable: %1</source>
        <translation>gespeicherte Maske nicht lesbar: %1</translation>
    </message>
    <message>
        <source>the label map stores its axes in another order or direction: placed by its geometry, voxel for voxel</source>
        <translation>die Label-Karte speichert ihre Achsen in anderer Reihenfolge oder Richtung: nach ihrer Geometrie platziert, Voxel für Voxel</translation>
    </message>
    <message>
        <source>the label map lies on another grid (%1 voxels of %2 mm): resampled onto the image (nearest neighbour)</source>
        <translation>die Label-Karte liegt auf einem anderen Gitter (%1 Voxel zu %2 mm): auf das Bild umgetastet (nächster Nachbar)</translation>
    </message>
    <message>
        <source>%1% of the label map&apos;s labelled voxels lie outside the image and were left out</source>
        <translation>%1% der beschrifteten Voxel der Label-Karte liegen außerhalb des Bildes und wurden ausgelassen</translation>
    </message>
    <message>
        <source>the image has no position in space: the label map was placed voxel for voxel, its geometry unchecked</source>
        <translation>das Bild hat keine Lage im Raum: die Label-Karte wurde Voxel für Voxel platziert, ihre Geometrie ungeprüft</translation>
    </message>
    <message>
        <source>%1 voxels lie in more than one segment: each shows the segment of the last layer (a label map holds one label per voxel)</source>
        <translation>%1 Voxel liegen in mehr als einem Segment: jedes zeigt das Segment der letzten Ebene (eine Label-Karte hält ein Label je Voxel)</translation>
    </message>
    <message>
        <source>labels renumbered to the workspace&apos;s classes of the same name, or to free numbers where the workspace&apos;s class of that number has another name: %1</source>
        <translation>Labels auf die gleichnamigen Klassen des Arbeitsbereichs umnummeriert, oder auf freie Nummern, wo die Klasse dieser Nummer anders heißt: %1</translation>
    </message>
    <message>
        <source>%1 series or stacks here: the largest, %2, is open; open another as PATH#series=NAME (delineo-cli info lists them)</source>
        <translation>%1 Serien oder Stapel hier: die größte, %2, ist geöffnet; eine andere öffnen Sie als PFAD#series=NAME (delineo-cli info listet sie auf)</translation>
    </message>
</context>
<context>
    <name>MaskOperations</name>
    <message>
        <source>coronal planes</source>
        <translation>koronalen Ebenen</translation>
    </message>
    <message>
        <source>sagittal planes</source>
        <translation>sagittalen Ebenen</translation>
    </message>
    <message>
        <source>slices</source>
        <translation>Schichten</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Running the model…</source>
        <translation>Modell läuft…</translation>
    </message>
    <message>
        <source>Segmentation done</source>
        <translation>Segmentierung fertig</translation>
    </message>
    <message>
        <source>Running the model on slice %1 of %2…</source>
        <translation>Modell läuft auf Schicht %1 von %2…</translation>
    </message>
    <message>
        <source>Loading %1 of %2</source>
        <translation>Lade %1 von %2</translation>
    </message>
    <message>
        <source>Importing file %1 of %2</source>
        <translation>Importiere Datei %1 von %2</translation>
    </message>
    <message>
        <source>Scoring %1 of %2…</source>
        <translation>Bewerte %1 von %2…</translation>
    </message>
    <message>
        <source>Loading %1 training and %2 validation slices…</source>
        <translation>Lade %1 Trainings- und %2 Validierungsschichten…</translation>
    </message>
    <message>
        <source>Epoch %1/%2, step %3/%4, loss %5%6 · about %7 left</source>
        <translation>Epoche %1/%2, Schritt %3/%4, Verlust %5%6 · noch etwa %7</translation>
    </message>
    <message>
        <source>, validation Dice %1</source>
        <translation>, Validierungs-Dice %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Exporting image %1 of %2</source>
        <translation>Bild %1 von %2 wird exportiert</translation>
    </message>
    <message>
        <source>Propagating to frame %1 of %2…</source>
        <translation>Übertrage auf Bild %1 von %2…</translation>
    </message>
    <message>
        <source>%1 · about %2 left</source>
        <translation>%1 · noch etwa %2</translation>
    </message>
    <message>
        <source>Running the model on frame %1 (%2 of %3)…</source>
        <translation>Modell läuft auf Bild %1 (%2 von %3)…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Measuring slice %1 of %2…</source>
        <translation>Schicht %1 von %2 wird gemessen…</translation>
    </message>
    <message>
        <source>Writing the cluster job: %1</source>
        <translation>Cluster-Auftrag wird geschrieben: %1</translation>
    </message>
    <message>
        <source>Measuring the job&apos;s model and its base on the validation split…</source>
        <translation>Das Modell des Auftrags und seine Basis werden am Validierungssatz gemessen…</translation>
    </message>
    <message>
        <source>Accepting AI results: %1 of %2…</source>
        <translation>KI-Ergebnisse werden übernommen: %1 von %2…</translation>
    </message>
</context>
<context>
    <name>Series</name>
    <message>
        <source>echo %1</source>
        <translation>Echo %1</translation>
    </message>
    <message>
        <source>phase %1</source>
        <translation>Phase %1</translation>
    </message>
    <message>
        <source>b = %1 s/mm²</source>
        <translation>b = %1 s/mm²</translation>
    </message>
    <message>
        <source>plane %1</source>
        <translation>Ebene %1</translation>
    </message>
    <message>
        <source>magnitude image</source>
        <translation>Betragsbild</translation>
    </message>
    <message>
        <source>phase image</source>
        <translation>Phasenbild</translation>
    </message>
    <message>
        <source>real part</source>
        <translation>Realteil</translation>
    </message>
    <message>
        <source>imaginary part</source>
        <translation>Imaginärteil</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>polyp</source>
        <translation>Polyp</translation>
    </message>
    <message>
        <source>stomach</source>
        <translation>Magen</translation>
    </message>
    <message>
        <source>large bowel</source>
        <translation>Dickdarm</translation>
    </message>
    <message>
        <source>small bowel</source>
        <translation>Dünndarm</translation>
    </message>
    <message>
        <source>tumour</source>
        <translation>Tumor</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Gehirn</translation>
    </message>
    <message>
        <source>Soft tissue</source>
        <translation>Weichteil</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lunge</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <source>Full range</source>
        <translation>Gesamter Bereich</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>class %1</source>
        <comment>a label without a name</comment>
        <translation>Klasse %1</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>&amp;Brush</source>
        <translation>&amp;Pinsel</translation>
    </message>
    <message>
        <source>Drag to paint the active class; Shift+drag erases it. [ and ] change the size.</source>
        <translation>Ziehen malt die aktive Klasse; Umschalt+Ziehen radiert sie. [ und ] ändern die Größe.</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Radierer</translation>
    </message>
    <message>
        <source>Drag to erase the active class (any class when &quot;Overwrite other classes&quot; is on).</source>
        <translation>Ziehen radiert die aktive Klasse (jede Klasse, wenn „Andere Klassen überschreiben“ an ist).</translation>
    </message>
    <message>
        <source>&amp;Threshold Brush</source>
        <translation>&amp;Schwellwert-Pinsel</translation>
    </message>
    <message>
        <source>Paints only pixels whose intensity is within the range below; Ctrl+click sets the range around the clicked value.</source>
        <translation>Malt nur Pixel, deren Intensität im Bereich unten liegt; Strg+Klick setzt den Bereich um den angeklickten Wert.</translation>
    </message>
    <message>
        <source>&amp;Polygon / Lasso Fill</source>
        <translation>&amp;Polygon-/Lasso-Füllung</translation>
    </message>
    <message>
        <source>Drag around a region to fill it with the active class; Shift+drag erases inside.</source>
        <translation>Um einen Bereich ziehen, um ihn mit der aktiven Klasse zu füllen; Umschalt+Ziehen radiert innen.</translation>
    </message>
    <message>
        <source>&amp;Flood Fill</source>
        <translation>&amp;Flächenfüllung</translation>
    </message>
    <message>
        <source>Click inside a region (e.g. a drawn outline) to fill it with the active class.</source>
        <translation>In einen Bereich klicken (z. B. eine gezeichnete Kontur), um ihn mit der aktiven Klasse zu füllen.</translation>
    </message>
    <message>
        <source>AI &amp;Assist (Clicks, Box, Scribble)</source>
        <translation>KI-&amp;Assistent (Klicks, Rahmen, Striche)</translation>
    </message>
    <message>
        <source>Click the object to add it, right-click or Shift+click to remove; drag a box around it, Alt+drag to scribble. Enter accepts, Backspace removes the last prompt, Esc drops them.</source>
        <translation>Klicken Sie auf das Objekt, um es hinzuzufügen, Rechtsklick oder Umschalt+Klick entfernt; ziehen Sie einen Rahmen darum, Alt+Ziehen zeichnet einen Strich. Eingabe übernimmt, Rücktaste entfernt den letzten Hinweis, Esc verwirft alle.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Radieren</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Malen</translation>
    </message>
    <message>
        <source>Flood fill</source>
        <translation>Flächenfüllung</translation>
    </message>
    <message>
        <source>Polygon erase</source>
        <translation>Polygon radieren</translation>
    </message>
    <message>
        <source>Polygon fill</source>
        <translation>Polygon füllen</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>%1 of %2</source>
        <comment>slices of images</comment>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; corrected or approved slice(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; korrigierte oder freigegebene Schicht</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; korrigierte oder freigegebene Schichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; image(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; Bild</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; Bildern</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::ui::AgreementDialog</name>
    <message>
        <source>Agreement Between Annotators</source>
        <translation>Übereinstimmung zwischen Annotierenden</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Annotierende</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>HD95 (%1)</source>
        <translation>HD95 (%1)</translation>
    </message>
    <message>
        <source>Pixels (each)</source>
        <translation>Pixel (je)</translation>
    </message>
    <message>
        <source>Consensus by &amp;Majority</source>
        <translation>Konsens per &amp;Mehrheit</translation>
    </message>
    <message>
        <source>Consensus by &amp;STAPLE</source>
        <translation>Konsens per &amp;STAPLE</translation>
    </message>
    <message>
        <source>Each pixel gets the label most annotators gave it; a tie stays background.</source>
        <translation>Jedes Pixel erhält die Klasse, die die meisten Annotierenden vergeben haben; bei Gleichstand bleibt es Hintergrund.</translation>
    </message>
    <message>
        <source>STAPLE weighs each annotator by how well they agree with the others (ITK).</source>
        <translation>STAPLE gewichtet alle Annotierenden danach, wie gut sie mit den anderen übereinstimmen (ITK).</translation>
    </message>
    <message>
        <source>No slice of this file has corrections by two annotators yet. Each member&apos;s newest correction of a slice is compared; AI drafts and consensus masks are not.</source>
        <translation>Noch keine Schicht dieser Datei wurde von zwei Annotierenden korrigiert. Verglichen wird die neueste Korrektur jedes Mitglieds je Schicht; KI-Entwürfe und Konsensmasken nicht.</translation>
    </message>
    <message>
        <source>Each member&apos;s newest correction of each slice, compared over the slices both corrected. Dice over those slices together; HD95 is the mean over slices where both drew the class. A consensus becomes the slices&apos; mask as a revision of its own; every member&apos;s mask stays in the history.</source>
        <translation>Die neueste Korrektur jedes Mitglieds je Schicht, verglichen über die Schichten, die beide korrigiert haben. Dice über diese Schichten zusammen; HD95 ist der Mittelwert über die Schichten, in denen beide die Klasse gezeichnet haben. Ein Konsens wird als eigene Revision zur Maske der Schichten; die Maske jedes Mitglieds bleibt im Verlauf.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ClassLegend</name>
    <message>
        <source>Overlay classes: untick to hide a class</source>
        <translation>Überlagerte Klassen: Haken entfernen blendet eine Klasse aus</translation>
    </message>
    <message>
        <source>Add Class…</source>
        <translation>Klasse hinzufügen…</translation>
    </message>
    <message>
        <source>Rename or Recolour Class…</source>
        <translation>Klasse umbenennen oder umfärben…</translation>
    </message>
    <message>
        <source>Add Class</source>
        <translation>Klasse hinzufügen</translation>
    </message>
    <message>
        <source>Rename or Recolour Class</source>
        <translation>Klasse umbenennen oder umfärben</translation>
    </message>
    <message>
        <source>Name of label %1:</source>
        <translation>Name des Labels %1:</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Farbe von %1</translation>
    </message>
</context>
<context>
    <name>delineo::ui::EditToolBar</name>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source> Class </source>
        <translation> Klasse </translation>
    </message>
    <message>
        <source>  Brush </source>
        <translation>  Pinsel </translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>  Opacity </source>
        <translation>  Deckkraft </translation>
    </message>
</context>
<context>
    <name>delineo::ui::EvaluationDialog</name>
    <message>
        <source>Evaluation of %1</source>
        <translation>Auswertung von %1</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Pixel accuracy</source>
        <translation>Pixelgenauigkeit</translation>
    </message>
    <message>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <source>HD95</source>
        <translation>HD95</translation>
    </message>
    <message>
        <source>Mean (drawn classes)</source>
        <translation>Mittelwert (gezeichnete Klassen)</translation>
    </message>
    <message>
        <source>Open Report</source>
        <translation>Bericht öffnen</translation>
    </message>
    <message>
        <source>On the workspace&apos;s frozen validation split: %1, each at its own size. Means over slices; HD95 in %2. Grey rows: classes nobody drew in these slices (left out of the mean).</source>
        <translation>Auf dem eingefrorenen Validierungssplit des Arbeitsbereichs: %1, jede in ihrer eigenen Größe. Mittelwerte über Schichten; HD95 in %2. Graue Zeilen: Klassen, die in diesen Schichten niemand gezeichnet hat (nicht im Mittelwert).</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ExportDialog</name>
    <message>
        <source>Export Workspace</source>
        <translation>Arbeitsbereich exportieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>De-identify (PS3.15 Annex E basic profile)</source>
        <translation>Pseudonymisieren (PS3.15 Anhang E, Basisprofil)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Export cancelled; what was written so far stays in %1.</source>
        <translation>Export abgebrochen; was bisher geschrieben wurde, bleibt in %1.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>Exportieren in</translation>
    </message>
</context>
<context>
    <name>delineo::ui::FileListPanel</name>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Needing review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>KI-Entwurf</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Korrigiert</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>%1; model uncertainty %2</source>
        <translation>%1; Modellunsicherheit %2</translation>
    </message>
    <message>
        <source>Workspace — %1 of %2 reviewed</source>
        <translation>Arbeitsbereich — %1 von %2 geprüft</translation>
    </message>
</context>
<context>
    <name>delineo::ui::FineTuneDialog</name>
    <message>
        <source>Fine-tune Current Model</source>
        <translation>Aktuelles Modell nachtrainieren</translation>
    </message>
    <message>
        <source>Validation images (frozen for this workspace, never trained on; untick to train on one):</source>
        <translation>Validierungsbilder (für diesen Arbeitsbereich festgelegt, nie trainiert; Haken entfernen, um darauf zu trainieren):</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>Zeitbudget:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Train from scratch like</source>
        <translation>Neu trainieren wie</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Nachtrainieren</translation>
    </message>
    <message>
        <source>Train from scratch (same classes, new weights)</source>
        <translation>Neu trainieren (gleiche Klassen, neue Gewichte)</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Architektur:</translation>
    </message>
    <message>
        <source>1 slice (2D)</source>
        <translation>1 Schicht (2D)</translation>
    </message>
    <message>
        <source>%1 slices (2.5D)</source>
        <translation>%1 Schichten (2,5D)</translation>
    </message>
    <message>
        <source>How many neighbouring slices the model reads for each slice (2.5D). Helps when slices are close together; at a volume&apos;s ends the neighbours are mirrored.</source>
        <translation>Wie viele benachbarte Schichten das Modell für jede Schicht liest (2,5D). Hilft, wenn die Schichten dicht beieinander liegen; an den Enden eines Volumens werden die Nachbarn gespiegelt.</translation>
    </message>
    <message>
        <source>Slices read:</source>
        <translation>Gelesene Schichten:</translation>
    </message>
    <message>
        <source>Export Job for a Cluster…</source>
        <translation>Auftrag für einen Cluster exportieren…</translation>
    </message>
    <message>
        <source>Write the training data, the configuration and the launch command into a folder, to train on a cluster or a GPU machine; add the model back with delineo-cli models add</source>
        <translation>Trainingsdaten, Konfiguration und Startbefehl in einen Ordner schreiben, um auf einem Cluster oder einer GPU-Maschine zu trainieren; das Modell danach mit delineo-cli models add zurückholen</translation>
    </message>
    <message>
        <source>Export Job for a Cluster: an Empty Folder</source>
        <translation>Auftrag für einen Cluster exportieren: ein leerer Ordner</translation>
    </message>
    <message>
        <source>Learn the workspace&apos;s new classes: %1</source>
        <translation>Die neuen Klassen des Arbeitsbereichs lernen: %1</translation>
    </message>
    <message>
        <source>The model gets an output for each; its own classes keep theirs. Unticked, they stay background to it.</source>
        <translation>Das Modell erhält für jede eine Ausgabe; seine eigenen Klassen behalten ihre. Ohne Häkchen bleiben sie für das Modell Hintergrund.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from &lt;b&gt;v%2&lt;/b&gt; %3 (%4, base width %5, %6×%6 input, %7, %8).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ausgehend von &lt;b&gt;v%2&lt;/b&gt; %3 (%4, Basisbreite %5, Eingabe %6×%6, %7, %8).</translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n Klasse</numerusform>
            <numerusform>%n Klassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Trains on %1 (AI drafts are never used); validates on %2. The active model stays in use until you promote the result.</source>
        <translation>Training: %1 (KI-Entwürfe werden nie verwendet); Validierung: %2. Das aktive Modell bleibt in Gebrauch, bis Sie das Ergebnis freigeben.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Shift+F1</source>
        <translation>Shift+F1</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Delineo</source>
        <translation>Ü&amp;ber Delineo</translation>
    </message>
    <message>
        <source>About Delineo</source>
        <translation>Über Delineo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delineo&lt;/b&gt; %1&lt;br&gt;Medical image segmentation: review, correct, retrain.&lt;br&gt;&lt;br&gt;&lt;table&gt;%2&lt;/table&gt;&lt;br&gt;Bundled demo data and its licences:&lt;ul&gt;&lt;li&gt;Kvasir-SEG frames (Simula Research Laboratory): research and educational use, citing Jha et al., MMM 2020;&lt;/li&gt;&lt;li&gt;UW-Madison GI tract MRI slices: Kaggle competition data, citing Lee et al., Data in Brief 57, 2024;&lt;/li&gt;&lt;li&gt;an MR DICOM file from the pydicom test data: MIT licence.&lt;/li&gt;&lt;/ul&gt;Details are in ATTRIBUTION.md in the demo folder.</source>
        <translation>&lt;b&gt;Delineo&lt;/b&gt; %1&lt;br&gt;Segmentierung medizinischer Bilder: prüfen, korrigieren, nachtrainieren.&lt;br&gt;&lt;br&gt;&lt;table&gt;%2&lt;/table&gt;&lt;br&gt;Mitgelieferte Demodaten und ihre Lizenzen:&lt;ul&gt;&lt;li&gt;Kvasir-SEG-Bilder (Simula Research Laboratory): Nutzung für Forschung und Lehre, mit Zitat von Jha et al., MMM 2020;&lt;/li&gt;&lt;li&gt;MRT-Schichten des Magen-Darm-Trakts von UW-Madison: Kaggle-Wettbewerbsdaten, mit Zitat von Lee et al., Data in Brief 57, 2024;&lt;/li&gt;&lt;li&gt;eine MR-DICOM-Datei aus den pydicom-Testdaten: MIT-Lizenz.&lt;/li&gt;&lt;/ul&gt;Einzelheiten stehen in ATTRIBUTION.md im Demo-Ordner.</translation>
    </message>
    <message>
        <source>The user guide is not installed (looked in %1/docs).</source>
        <translation>Das Benutzerhandbuch ist nicht installiert (gesucht in %1/docs).</translation>
    </message>
    <message>
        <source>Delineo User Guide</source>
        <translation>Delineo-Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>delineo::ui::HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Saved in the workspace:</source>
        <translation>Im Arbeitsbereich gespeichert:</translation>
    </message>
    <message>
        <source>Click an entry to undo or redo up to it: this slice&apos;s edits, then this image&apos;s rulers and outlines. Below: this slice&apos;s revisions saved in the workspace, newest first, with who made each</source>
        <translation>Klicken Sie auf einen Eintrag, um bis dorthin rückgängig zu machen oder zu wiederholen: die Bearbeitungen dieser Schicht, dann die Lineale und Konturen dieses Bildes. Darunter: die im Arbeitsbereich gespeicherten Revisionen dieser Schicht, neueste zuerst, mit ihren Urhebern</translation>
    </message>
    <message>
        <source>Rulers and outlines of this image:</source>
        <translation>Lineale und Konturen dieses Bildes:</translation>
    </message>
    <message>
        <source>As opened</source>
        <translation>Wie geöffnet</translation>
    </message>
</context>
<context>
    <name>delineo::ui::JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Task failed</source>
        <translation>Aufgabe fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>delineo::ui::LoadNotes</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>Please note</source>
        <translation>Bitte beachten</translation>
    </message>
</context>
<context>
    <name>delineo::ui::MainWindow</name>
    <message>
        <source>Delineo</source>
        <translation>Delineo</translation>
    </message>
    <message>
        <source>Open an image (Ctrl+O), a workspace folder (Ctrl+Shift+O),
or drop a JPEG, PNG or DICOM file here.</source>
        <translation>Öffnen Sie ein Bild (Strg+O), einen Arbeitsbereich-Ordner (Strg+Umschalt+O)
oder legen Sie hier eine JPEG-, PNG- oder DICOM-Datei ab.</translation>
    </message>
    <message>
        <source>Open Demo Workspace</source>
        <translation>Demo-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Four Kvasir-SEG polyp frames and three abdominal MRI slices with the default models</source>
        <translation>Vier Kvasir-SEG-Polypenbilder und drei abdominelle MRT-Schichten mit den Standardmodellen</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>KI-Entwurf</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Image…</source>
        <translation>Bild ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Workspace Folder…</source>
        <translation>&amp;Arbeitsbereich-Ordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open DICOM &amp;Series…</source>
        <translation>DICOM-&amp;Serie öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Open De&amp;mo Workspace</source>
        <translation>De&amp;mo-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>&amp;Import DICOM into Workspace…</source>
        <translation>DICOM in Arbeitsbereich &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Save Mask</source>
        <translation>Maske &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation>Größerer Pinsel</translation>
    </message>
    <message>
        <source>]</source>
        <translation>]</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>Kleinerer Pinsel</translation>
    </message>
    <message>
        <source>[</source>
        <translation>[</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show &amp;Overlay</source>
        <translation>&amp;Überlagerung zeigen</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Overlay as &amp;Outlines</source>
        <translation>Überlagerung als &amp;Konturen</translation>
    </message>
    <message>
        <source>Shift+O</source>
        <translation>Shift+O</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Reset Window/Level</source>
        <translation>Fenster/Level &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Window &amp;Presets</source>
        <translation>Fenster&amp;vorgaben</translation>
    </message>
    <message>
        <source>&amp;Previous Slice</source>
        <translation>&amp;Vorherige Schicht</translation>
    </message>
    <message>
        <source>&amp;Next Slice</source>
        <translation>&amp;Nächste Schicht</translation>
    </message>
    <message>
        <source>First Slice</source>
        <translation>Erste Schicht</translation>
    </message>
    <message>
        <source>Last Slice</source>
        <translation>Letzte Schicht</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Run Model on Image</source>
        <translation>Modell auf Bild &amp;ausführen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>Modell &amp;laden…</translation>
    </message>
    <message>
        <source>&amp;Accept AI Result</source>
        <translation>KI-Ergebnis &amp;übernehmen</translation>
    </message>
    <message>
        <source>Accept AI Result for the Active &amp;Class</source>
        <translation>KI-Ergebnis für die aktive &amp;Klasse übernehmen</translation>
    </message>
    <message>
        <source>&amp;Reject AI Result</source>
        <translation>KI-Ergebnis &amp;verwerfen</translation>
    </message>
    <message>
        <source>Run Model on &amp;All Slices</source>
        <translation>Modell auf &amp;allen Schichten ausführen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Accept AI Results on All Slices</source>
        <translation>KI-Ergebnisse auf allen Schichten übernehmen</translation>
    </message>
    <message>
        <source>Show AI &amp;Confidence</source>
        <translation>KI-&amp;Konfidenz zeigen</translation>
    </message>
    <message>
        <source>Shift+C</source>
        <translation>Shift+C</translation>
    </message>
    <message>
        <source>Shade the AI preview by the model&apos;s probability: faint where it is unsure</source>
        <translation>KI-Vorschau nach der Wahrscheinlichkeit des Modells schattieren: blass, wo es unsicher ist</translation>
    </message>
    <message>
        <source>AI May &amp;Overwrite My Labels</source>
        <translation>KI darf meine Beschriftungen &amp;überschreiben</translation>
    </message>
    <message>
        <source>Test-time &amp;Flip Augmentation</source>
        <translation>&amp;Spiegel-Augmentierung bei der Inferenz</translation>
    </message>
    <message>
        <source>Average the model over the image and its flips: steadier masks, 3x the time</source>
        <translation>Modell über das Bild und seine Spiegelungen mitteln: stabilere Masken, dreifache Zeit</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Befundung</translation>
    </message>
    <message>
        <source>&amp;Approve Case</source>
        <translation>Fall &amp;freigeben</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>&amp;Reject Case</source>
        <translation>Fall a&amp;blehnen</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>&amp;Next Needing Review</source>
        <translation>&amp;Nächster zu prüfender</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Approve &amp;Slice</source>
        <translation>&amp;Schicht freigeben</translation>
    </message>
    <message>
        <source>Shift+A</source>
        <translation>Shift+A</translation>
    </message>
    <message>
        <source>Reject S&amp;lice</source>
        <translation>Schicht ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Shift+X</source>
        <translation>Shift+X</translation>
    </message>
    <message>
        <source>Next &amp;Most Uncertain</source>
        <translation>Nächster &amp;unsicherster</translation>
    </message>
    <message>
        <source>Shift+N</source>
        <translation>Shift+N</translation>
    </message>
    <message>
        <source>Rank &amp;Unreviewed by Model Uncertainty</source>
        <translation>&amp;Ungeprüfte nach Modellunsicherheit ordnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Mark &amp;Corrected</source>
        <translation>Als &amp;korrigiert markieren</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Co&amp;mment…</source>
        <translation>&amp;Kommentar…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Reviewer Comment</source>
        <translation>Kommentar der Befundung</translation>
    </message>
    <message>
        <source>Comment on %1:</source>
        <translation>Kommentar zu %1:</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1 (W %2, L %3)</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>Modell: %1 (%2)</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht begonnen</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source> Slice %1/%2 · %3 </source>
        <translation> Schicht %1/%2 · %3 </translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>Delineo models (*.pt)</source>
        <translation>Delineo-Modelle (*.pt)</translation>
    </message>
    <message>
        <source>Unsaved mask</source>
        <translation>Nicht gespeicherte Maske</translation>
    </message>
    <message>
        <source>The mask could not be saved. Close anyway?</source>
        <translation>Die Maske konnte nicht gespeichert werden. Trotzdem schließen?</translation>
    </message>
    <message>
        <source>Choose a Series</source>
        <translation>Serie wählen</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>Open Workspace Folder</source>
        <translation>Arbeitsbereich-Ordner öffnen</translation>
    </message>
    <message>
        <source>Open DICOM Series (folder or DICOMDIR folder)</source>
        <translation>DICOM-Serie öffnen (Ordner oder DICOMDIR-Ordner)</translation>
    </message>
    <message>
        <source>Import DICOM: Choose the Folder to Import</source>
        <translation>DICOM importieren: zu importierenden Ordner wählen</translation>
    </message>
    <message>
        <source>Import DICOM: Choose the Workspace</source>
        <translation>DICOM importieren: Arbeitsbereich wählen</translation>
    </message>
    <message>
        <source>Import DICOM</source>
        <translation>DICOM importieren</translation>
    </message>
    <message>
        <source>Copy the DICOM files of %1 into %2?</source>
        <translation>Die DICOM-Dateien aus %1 nach %2 kopieren?</translation>
    </message>
    <message>
        <source>De-identify the copies (PS3.15 Annex E basic profile: names, IDs and dates replaced, UIDs remapped, private tags removed; text burned into the pixels is not checked)</source>
        <translation>Kopien de-identifizieren (PS3.15 Anhang E, Basisprofil: Namen, IDs und Daten ersetzt, UIDs neu vergeben, private Tags entfernt; in die Pixel eingebrannter Text wird nicht geprüft)</translation>
    </message>
    <message>
        <source> Review: %1%2 </source>
        <translation> Befundung: %1%2 </translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Fine-tune Current Model…</source>
        <translation>Aktuelles Modell &amp;nachtrainieren…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Train from &amp;Scratch…</source>
        <translation>&amp;Neu trainieren…</translation>
    </message>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>Training &amp;abbrechen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source> · demo model, not for clinical use</source>
        <translation> · Demomodell, nicht für den klinischen Einsatz</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Open a workspace folder first: exports write its stored masks.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereichsordner: Exporte schreiben dessen gespeicherte Masken.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Remove Last AI Assist &amp;Prompt</source>
        <translation>Letzten KI-Assistent-&amp;Hinweis entfernen</translation>
    </message>
    <message>
        <source>Propagate &amp;Forward</source>
        <translation>&amp;Vorwärts übertragen</translation>
    </message>
    <message>
        <source>Propagate &amp;Backward</source>
        <translation>&amp;Rückwärts übertragen</translation>
    </message>
    <message>
        <source>Fine-tune &amp;AI Assist Model…</source>
        <translation>&amp;KI-Assistent-Modell nachtrainieren…</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Abspielen / Pause</translation>
    </message>
    <message>
        <source>Next &amp;Annotated Frame</source>
        <translation>Nächstes &amp;annotiertes Bild</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>Previous Annotated Frame</source>
        <translation>Vorheriges annotiertes Bild</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Next Frame to &amp;Review</source>
        <translation>Nächstes zu &amp;prüfendes Bild</translation>
    </message>
    <message>
        <source>Ctrl+Shift+PgDown</source>
        <translation>Ctrl+Shift+PgDown</translation>
    </message>
    <message>
        <source>Previous Frame to Review</source>
        <translation>Vorheriges zu prüfendes Bild</translation>
    </message>
    <message>
        <source>Ctrl+Shift+PgUp</source>
        <translation>Ctrl+Shift+PgUp</translation>
    </message>
    <message>
        <source> Frame %1/%2 · %3 </source>
        <translation> Bild %1/%2 · %3 </translation>
    </message>
    <message>
        <source> · not made for this image</source>
        <translation> · nicht für dieses Bild gemacht</translation>
    </message>
    <message>
        <source>&amp;Evaluate on Validation Split…</source>
        <translation>Auf dem Validierungssplit &amp;auswerten…</translation>
    </message>
    <message>
        <source>Open &amp;Team Workspace…</source>
        <translation>&amp;Team-Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>A&amp;greement Between Annotators…</source>
        <translation>Ü&amp;bereinstimmung zwischen Annotierenden…</translation>
    </message>
    <message>
        <source>Open from &amp;PACS…</source>
        <translation>Aus &amp;PACS öffnen…</translation>
    </message>
    <message>
        <source>Open which of these?</source>
        <translation>Welche davon öffnen?</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>delineo::ui::MaskMenu</name>
    <message>
        <source>&amp;Mask</source>
        <translation>M&amp;aske</translation>
    </message>
    <message>
        <source>&amp;Open Segmentation…</source>
        <translation>Segmentierung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Open Segmentation</source>
        <translation>Segmentierung öffnen</translation>
    </message>
    <message>
        <source>Save Segmentation &amp;As…</source>
        <translation>Segmentierung speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Save Segmentation As</source>
        <translation>Segmentierung speichern unter</translation>
    </message>
    <message>
        <source>Add Se&amp;gmentation…</source>
        <translation>Segmentierung hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <source>Add Segmentation</source>
        <translation>Segmentierung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Merge Class Into…</source>
        <translation>Klasse &amp;vereinigen mit…</translation>
    </message>
    <message>
        <source>Cannot merge classes</source>
        <translation>Klassen können nicht vereinigt werden</translation>
    </message>
    <message>
        <source>Open an image with at least two classes first.</source>
        <translation>Öffnen Sie zuerst ein Bild mit mindestens zwei Klassen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Merge Class Into</source>
        <translation>Klasse vereinigen mit</translation>
    </message>
    <message>
        <source>Class whose voxels change:</source>
        <translation>Klasse, deren Voxel sich ändern:</translation>
    </message>
    <message>
        <source>Class they become:</source>
        <translation>Klasse, die sie werden:</translation>
    </message>
    <message>
        <source>%1 merged into %2; slices changed: %3 (Ctrl+Z undoes).</source>
        <translation>%1 mit %2 vereinigt; geänderte Schichten: %3 (Strg+Z macht rückgängig).</translation>
    </message>
</context>
<context>
    <name>delineo::ui::MeasurementsPanel</name>
    <message>
        <source>Measurements</source>
        <translation>Messungen</translation>
    </message>
    <message>
        <source>Shift+R</source>
        <translation>Shift+R</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Messung</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Length or area</source>
        <translation>Länge oder Fläche</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>off the planes</source>
        <translation>außerhalb der Ebenen</translation>
    </message>
    <message>
        <source>Slice %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>Coronal %1</source>
        <translation>Koronal %1</translation>
    </message>
    <message>
        <source>Sagittal %1</source>
        <translation>Sagittal %1</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <source>Ruler</source>
        <translation>Lineal</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mean ± SD</source>
        <translation>Mittelwert ± SD</translation>
    </message>
    <message>
        <source>Double-click: go to the measurement. F2: name it. Delete: remove the selected ones. Ctrl+C: copy them. Ctrl+Z: undo.</source>
        <translation>Doppelklick: zur Messung gehen. F2: benennen. Entf: die ausgewählten entfernen. Strg+C: sie kopieren. Strg+Z: rückgängig.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ModelsPanel</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Use the selected version from now on (the current one is kept)</source>
        <translation>Ab jetzt die gewählte Version verwenden (die aktuelle bleibt erhalten)</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Return to the version that was active before the current one</source>
        <translation>Zur Version zurückkehren, die vor der aktuellen aktiv war</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>The selected and the active version&apos;s masks side by side on a validation image, with its ground truth</source>
        <translation>Masken der gewählten und der aktiven Version nebeneinander auf einem Validierungsbild, mit seiner Referenz</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Mean Dice</source>
        <translation>Mittlerer Dice</translation>
    </message>
    <message>
        <source>Dice: %1</source>
        <translation>Dice: %1</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>v%1 %2%3</source>
        <translation>v%1 %2%3</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation> (aktiv)</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Clicks to 0.90</source>
        <translation>Klicks bis 0,90</translation>
    </message>
    <message>
        <source> · AI Assist</source>
        <translation> · KI-Assistent</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>Auswerten…</translation>
    </message>
    <message>
        <source>The selected version&apos;s six metrics per class on the validation split, with an HTML report</source>
        <translation>Die sechs Metriken der gewählten Version pro Klasse auf dem Validierungssplit, mit HTML-Bericht</translation>
    </message>
    <message>
        <source>Add from Job…</source>
        <translation>Aus Auftrag hinzufügen…</translation>
    </message>
    <message>
        <source>Add the model a cluster trained from an exported job (Training → Fine-tune → Export Job for a Cluster): it is measured with its base on the validation split</source>
        <translation>Das Modell hinzufügen, das ein Cluster aus einem exportierten Auftrag trainiert hat (Training → Feinabstimmung → Auftrag für einen Cluster exportieren): es wird mit seiner Basis am Validierungssatz gemessen</translation>
    </message>
    <message>
        <source>Add from Job: the Job&apos;s Folder</source>
        <translation>Aus Auftrag hinzufügen: der Ordner des Auftrags</translation>
    </message>
</context>
<context>
    <name>delineo::ui::PacsDialog</name>
    <message>
        <source>Open from PACS</source>
        <translation>Aus PACS öffnen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>PACS AE title:</source>
        <translation>PACS-AE-Titel:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Our AE title:</source>
        <translation>Eigener AE-Titel:</translation>
    </message>
    <message>
        <source>Patient name (* and ? as wildcards)</source>
        <translation>Patientenname (* und ? als Platzhalter)</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>YYYYMMDD</source>
        <translation>JJJJMMTT</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Jede Modalität</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>bis:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalitäten</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serien</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>&amp;Retrieve Series</source>
        <translation>Serie &amp;abrufen</translation>
    </message>
    <message>
        <source>Copies the series into the open workspace (de-identified unless the workspace keeps identities) and opens it.</source>
        <translation>Kopiert die Serie in den geöffneten Arbeitsbereich (anonymisiert, sofern der Arbeitsbereich Identitäten nicht behält) und öffnet sie.</translation>
    </message>
    <message>
        <source>Send DICOM &amp;Files…</source>
        <translation>DICOM-&amp;Dateien senden…</translation>
    </message>
    <message>
        <source>Sends DICOM files to the PACS, such as a DICOM SEG export (File → Export…).</source>
        <translation>Sendet DICOM-Dateien an das PACS, etwa einen DICOM-SEG-Export (Datei → Exportieren…).</translation>
    </message>
    <message>
        <source>Send DICOM Files to the PACS</source>
        <translation>DICOM-Dateien an das PACS senden</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm);;All files (*)</source>
        <translation>DICOM-Dateien (*.dcm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <source>Series of the chosen study</source>
        <translation>Serien der gewählten Studie</translation>
    </message>
    <message>
        <source>%1 answers.</source>
        <translation>%1 antwortet.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Choose a study and one of its series first.</source>
        <translation>Wählen Sie zuerst eine Studie und eine ihrer Serien.</translation>
    </message>
    <message>
        <source>Open a workspace first: the series is copied into it.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich: Die Serie wird dorthin kopiert.</translation>
    </message>
    <message>
        <source>Retrieving into %1…</source>
        <translation>Abruf nach %1…</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird gesendet…</numerusform>
            <numerusform>%n Dateien werden gesendet…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found.</source>
        <translation>
            <numerusform>%n Studie gefunden.</numerusform>
            <numerusform>%n Studien gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The PACS used before, most recent first.</source>
        <translation>Die zuvor verwendeten PACS, das zuletzt verwendete zuerst.</translation>
    </message>
    <message>
        <source>F&amp;orget</source>
        <translation>&amp;Vergessen</translation>
    </message>
    <message>
        <source>Takes the chosen PACS off this list.</source>
        <translation>Entfernt das gewählte PACS aus dieser Liste.</translation>
    </message>
    <message>
        <source>DICOM networking (C-FIND, C-GET)</source>
        <translation>DICOM-Netzwerk (C-FIND, C-GET)</translation>
    </message>
    <message>
        <source>DICOMweb (QIDO-RS, WADO-RS)</source>
        <translation>DICOMweb (QIDO-RS, WADO-RS)</translation>
    </message>
    <message>
        <source>https://pacs.example.org/dicom-web (user:password@ before the host if it asks)</source>
        <translation>https://pacs.example.org/dicom-web (benutzer:passwort@ vor dem Host, falls verlangt)</translation>
    </message>
    <message>
        <source>PACS:</source>
        <translation>PACS:</translation>
    </message>
</context>
<context>
    <name>delineo::ui::PlaneViews</name>
    <message>
        <source>&amp;Single View</source>
        <translation>&amp;Einzelansicht</translation>
    </message>
    <message>
        <source>&amp;Three Planes in a Row</source>
        <translation>&amp;Drei Ebenen nebeneinander</translation>
    </message>
    <message>
        <source>Three Planes, &amp;2 x 2</source>
        <translation>Drei Ebenen, &amp;2 x 2</translation>
    </message>
    <message>
        <source>&amp;Ruler (Shift+Drag: Area)</source>
        <translation>&amp;Lineal (Umschalt+Ziehen: Fläche)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>&amp;Link Zoom of the Planes</source>
        <translation>&amp;Zoom der Ebenen koppeln</translation>
    </message>
    <message>
        <source>Smooth &amp;Between Slices</source>
        <translation>Zwischen den Schichten &amp;glätten</translation>
    </message>
    <message>
        <source>Show &amp;Crosshair</source>
        <translation>Fadenkreuz &amp;anzeigen</translation>
    </message>
    <message>
        <source>Alt+C</source>
        <translation>Alt+C</translation>
    </message>
    <message>
        <source>&amp;Enlarge the Active Plane</source>
        <translation>Aktive Ebene &amp;maximieren</translation>
    </message>
    <message>
        <source>Alt+0</source>
        <translation>Alt+0</translation>
    </message>
    <message>
        <source>Reslice Along the &amp;Patient&apos;s Axes</source>
        <translation>Entlang der &amp;Patientenachsen rekonstruieren</translation>
    </message>
    <message>
        <source>Coronal and sagittal planes of the patient, resampled from this oblique series; unticked, the series&apos; own planes</source>
        <translation>Koronale und sagittale Ebenen des Patienten, aus dieser schrägen Serie neu abgetastet; abgewählt die eigenen Ebenen der Serie</translation>
    </message>
    <message>
        <source>This series lies along the patient&apos;s axes: its planes are the patient&apos;s.</source>
        <translation>Diese Serie liegt entlang der Patientenachsen: ihre Ebenen sind die des Patienten.</translation>
    </message>
    <message>
        <source>Open a C&amp;opy on the Patient&apos;s Axes…</source>
        <translation>K&amp;opie auf den Patientenachsen öffnen…</translation>
    </message>
    <message>
        <source>Resample this oblique series on the patient&apos;s axes, with its labels, into a NIfTI copy and open it: its axial view is a true axial plane. The original is unchanged.</source>
        <translation>Diese schräge Serie samt Beschriftungen auf die Patientenachsen umrechnen, als NIfTI-Kopie speichern und öffnen: ihre axiale Ansicht ist eine echte axiale Ebene. Das Original bleibt unverändert.</translation>
    </message>
    <message>
        <source>Copy on the Patient&apos;s Axes</source>
        <translation>Kopie auf den Patientenachsen</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz)</source>
        <translation>NIfTI (*.nii.gz)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>   label %1</source>
        <translation>   Klasse %1</translation>
    </message>
    <message>
        <source>
mean %1 ± %2%3 (%4 to %5), %6 px</source>
        <translation>
Mittelwert %1 ± %2%3 (%4 bis %5), %6 px</translation>
    </message>
    <message>
        <source>Remove &amp;Last Measurement</source>
        <translation>&amp;Letzte Messung entfernen</translation>
    </message>
    <message>
        <source>Shift+M</source>
        <translation>Shift+M</translation>
    </message>
    <message>
        <source>Removes the newest ruler or outline on the slice of the view you work in</source>
        <translation>Entfernt das neueste Lineal oder die neueste Umrisslinie auf der Schicht der Ansicht, in der Sie arbeiten</translation>
    </message>
    <message>
        <source>No measurement on this slice</source>
        <translation>Keine Messung auf dieser Schicht</translation>
    </message>
    <message>
        <source>Show &amp;Measurements</source>
        <translation>&amp;Messungen anzeigen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Drag to measure a distance, Shift+drag to outline an area; drag a ruler&apos;s end to move it, double-click one to name it</source>
        <translation>Ziehen misst eine Strecke, Umschalt+Ziehen umfährt eine Fläche; das Ende eines Lineals ziehen verschiebt es, ein Doppelklick benennt es</translation>
    </message>
</context>
<context>
    <name>delineo::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Delineo.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Delineo.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Decoded frames a long video keeps in memory for scrolling and playback</source>
        <translation>Dekodierte Bilder, die ein langes Video zum Blättern und Abspielen im Speicher hält</translation>
    </message>
    <message>
        <source>&amp;Video frame cache:</source>
        <translation>&amp;Video-Bildspeicher:</translation>
    </message>
    <message>
        <source>Recorded with every revision, review, comment, model version and training run (empty: your login)</source>
        <translation>Wird bei jeder Revision, Befundung, jedem Kommentar, jeder Modellversion und jedem Trainingslauf vermerkt (leer: Ihr Login)</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>Prepare fast-seeking copies of videos whose keyframes lie far apart</source>
        <translation>Schnell springbare Kopien von Videos mit weit auseinanderliegenden Schlüsselbildern anlegen</translation>
    </message>
    <message>
        <source>Written in the background on opening such a video, kept in %1; jumps along the timeline then decode at most 12 frames</source>
        <translation>Wird beim Öffnen eines solchen Videos im Hintergrund geschrieben und in %1 aufbewahrt; Sprünge auf der Zeitleiste dekodieren dann höchstens 12 Bilder</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk the copies may take; the least recently used go first</source>
        <translation>Speicherplatz, den die Kopien belegen dürfen; die am längsten nicht benutzten werden zuerst gelöscht</translation>
    </message>
    <message>
        <source>Fast-seeking &amp;copies up to:</source>
        <translation>Schnell springbare &amp;Kopien bis:</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Reset to Default</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Select an action, press the new keys, then Assign.</source>
        <translation>Aktion wählen, neue Tasten drücken, dann Zuweisen.</translation>
    </message>
    <message>
        <source>New shortcut:</source>
        <translation>Neues Tastenkürzel:</translation>
    </message>
    <message>
        <source>(menu only)</source>
        <translation>(nur Menü)</translation>
    </message>
    <message>
        <source>%1 is already the shortcut of %2.</source>
        <translation>%1 ist bereits das Tastenkürzel von %2.</translation>
    </message>
    <message>
        <source>Select an action first.</source>
        <translation>Wählen Sie zuerst eine Aktion.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>menu only</source>
        <translation>nur Menü</translation>
    </message>
</context>
<context>
    <name>delineo::ui::StructuresPanel</name>
    <message>
        <source>Structures</source>
        <translation>Strukturen</translation>
    </message>
    <message>
        <source>Shift+V</source>
        <translation>Shift+V</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volumen (ml)</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Kontur</translation>
    </message>
    <message>
        <source>This class&apos;s opacity, on top of the overlay&apos;s</source>
        <translation>Deckkraft dieser Klasse, zusätzlich zu der der Überlagerung</translation>
    </message>
    <message>
        <source>Draw this class as an outline instead of filled</source>
        <translation>Diese Klasse als Kontur statt gefüllt zeichnen</translation>
    </message>
    <message>
        <source>Area (mm²)</source>
        <translation>Fläche (mm²)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 voxels</source>
        <translation>%1 Voxel</translation>
    </message>
    <message>
        <source>Area (pixels)</source>
        <translation>Fläche (Pixel)</translation>
    </message>
    <message>
        <source>Mean ± SD</source>
        <translation>Mittelwert ± SD</translation>
    </message>
    <message>
        <source>Values from %1 to %2</source>
        <translation>Werte von %1 bis %2</translation>
    </message>
    <message>
        <source>The frame shown: its area per class and the number of separate pieces in it. Ctrl+C copies the figures.</source>
        <translation>Das gezeigte Bild: seine Fläche je Klasse und die Zahl getrennter Teile darin. Strg+C kopiert die Werte.</translation>
    </message>
    <message>
        <source>Pieces: connected parts in 3D. Volumes come from the pixel spacing and the distance between slices; the same figures as delineo-cli stats. Double-click a class to go to its largest piece. Ctrl+C copies the figures.</source>
        <translation>Teile: zusammenhängende Bereiche in 3D. Volumen ergeben sich aus dem Pixelabstand und dem Schichtabstand; dieselben Werte wie delineo-cli stats. Ein Doppelklick auf eine Klasse führt zu ihrem größten Teil. Strg+C kopiert die Werte.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::TeamWorkspaceDialog</name>
    <message>
        <source>Open Team Workspace</source>
        <translation>Team-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>A team workspace lives in a PostgreSQL database that every member opens at once. Give its address as &lt;b&gt;postgresql://host/database&lt;/b&gt; (with &lt;i&gt;user@&lt;/i&gt; and &lt;i&gt;:port&lt;/i&gt; if needed). Keep the password in ~/.pgpass rather than in the address.</source>
        <translation>Ein Team-Arbeitsbereich liegt in einer PostgreSQL-Datenbank, die alle Mitglieder gleichzeitig öffnen. Geben Sie ihre Adresse als &lt;b&gt;postgresql://host/datenbank&lt;/b&gt; an (bei Bedarf mit &lt;i&gt;benutzer@&lt;/i&gt; und &lt;i&gt;:port&lt;/i&gt;). Das Passwort gehört in ~/.pgpass, nicht in die Adresse.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ToolOptionsPanel</name>
    <message>
        <source>Tool Options</source>
        <translation>Werkzeugoptionen</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Rund</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Quadratisch</translation>
    </message>
    <message>
        <source>Radius:</source>
        <translation>Radius:</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Paint where intensity ≥</source>
        <translation>Malen, wo Intensität ≥</translation>
    </message>
    <message>
        <source>and ≤</source>
        <translation>und ≤</translation>
    </message>
    <message>
        <source>Overwrite other classes</source>
        <translation>Andere Klassen überschreiben</translation>
    </message>
    <message>
        <source>Off: tools change only unlabelled pixels (and erase only the active class)</source>
        <translation>Aus: Werkzeuge ändern nur unbeschriftete Pixel (und radieren nur die aktive Klasse)</translation>
    </message>
    <message>
        <source>Mask menu</source>
        <translation>Maskenmenü</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Smallest island kept:</source>
        <translation>Kleinste behaltene Insel:</translation>
    </message>
    <message>
        <source>Smoothing radius:</source>
        <translation>Glättungsradius:</translation>
    </message>
</context>
<context>
    <name>delineo::ui::TrainingPanel</name>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>No training running. Training → Fine-tune Current Model… starts one.</source>
        <translation>Kein Training aktiv. Training → Aktuelles Modell nachtrainieren… startet eines.</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <source>Training loss and validation Dice per class</source>
        <translation>Trainingsverlust und Validierungs-Dice je Klasse</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>val Dice: %1</source>
        <translation>Val.-Dice: %1</translation>
    </message>
</context>
<context>
    <name>delineo::vm::AssistController</name>
    <message>
        <source>The interactive model %1 cannot be used: %2</source>
        <translation>Das interaktive Modell %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>AI Assist is not available</source>
        <translation>KI-Assistent ist nicht verfügbar</translation>
    </message>
    <message>
        <source>No interactive model is installed (resources/models has none).</source>
        <translation>Kein interaktives Modell installiert (resources/models enthält keines).</translation>
    </message>
    <message>
        <source>No interactive model is loaded.</source>
        <translation>Kein interaktives Modell geladen.</translation>
    </message>
    <message>
        <source>AI Assist failed</source>
        <translation>KI-Assistent fehlgeschlagen</translation>
    </message>
    <message>
        <source>AI Assist (%1)</source>
        <translation>KI-Assistent (%1)</translation>
    </message>
    <message>
        <source>AI Assist result accepted. Undo (Ctrl+Z) restores the previous mask.</source>
        <translation>Ergebnis des KI-Assistenten übernommen. Rückgängig (Strg+Z) stellt die vorherige Maske wieder her.</translation>
    </message>
    <message>
        <source>Cannot propagate</source>
        <translation>Übertragen nicht möglich</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>Öffnen Sie zuerst ein Bild.</translation>
    </message>
    <message>
        <source>There is no further frame or slice in this direction.</source>
        <translation>In dieser Richtung gibt es kein weiteres Bild und keine weitere Schicht.</translation>
    </message>
    <message>
        <source>The active class is empty on this slice: draw or prompt it first.</source>
        <translation>Die aktive Klasse ist auf dieser Schicht leer: zeichnen Sie sie zuerst oder geben Sie Hinweise.</translation>
    </message>
    <message>
        <source>Propagating</source>
        <translation>Übertragen</translation>
    </message>
    <message numerus="yes">
        <source>Propagated to %n frame(s), each waiting as a preview: Ctrl+Enter accepts all (one undo step per frame), Enter or Esc decides one.</source>
        <translation>
            <numerusform>Auf %n Bild übertragen, als Vorschau wartend: Strg+Eingabe übernimmt alle (ein Rückgängig-Schritt pro Bild), Eingabe oder Esc entscheidet eines.</numerusform>
            <numerusform>Auf %n Bilder übertragen, jedes als Vorschau wartend: Strg+Eingabe übernimmt alle (ein Rückgängig-Schritt pro Bild), Eingabe oder Esc entscheidet eines.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped where the model&apos;s confidence fell to %1.</source>
        <translation>Angehalten, wo die Sicherheit des Modells auf %1 fiel.</translation>
    </message>
    <message>
        <source>AI Assist (%1, %2 plane %3)</source>
        <translation>KI-Assistent (%1, %2e Ebene %3)</translation>
    </message>
    <message>
        <source>coronal</source>
        <translation>koronar</translation>
    </message>
    <message>
        <source>sagittal</source>
        <translation>sagittal</translation>
    </message>
</context>
<context>
    <name>delineo::vm::CopySliceOperation</name>
    <message>
        <source>Copy Class from &amp;Previous Slice</source>
        <translation>Klasse aus &amp;vorheriger Schicht kopieren</translation>
    </message>
    <message>
        <source>Copy Class from &amp;Next Slice</source>
        <translation>Klasse aus &amp;nächster Schicht kopieren</translation>
    </message>
    <message>
        <source>There is no slice there to copy from.</source>
        <translation>Dort gibt es keine Schicht zum Kopieren.</translation>
    </message>
    <message>
        <source>Copy class from slice %1</source>
        <translation>Klasse aus Schicht %1 kopieren</translation>
    </message>
</context>
<context>
    <name>delineo::vm::DocumentController</name>
    <message>
        <source>Everything Delineo opens (%1)</source>
        <translation>Alles, was Delineo öffnet (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>Loading case</source>
        <translation>Lade Fall</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>Lade %1</translation>
    </message>
    <message>
        <source>Cannot open image</source>
        <translation>Bild kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open series</source>
        <translation>Serie kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No DICOM images found in %1.</source>
        <translation>Keine DICOM-Bilder in %1 gefunden.</translation>
    </message>
    <message>
        <source>Loading series</source>
        <translation>Lade Serie</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Importing DICOM</source>
        <translation>Importiere DICOM</translation>
    </message>
    <message>
        <source> %1 failed: %2</source>
        <translation> %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>  slice %1/%2</source>
        <translation>  Schicht %1/%2</translation>
    </message>
    <message>
        <source>  %1 x %2 mm/px</source>
        <translation>  %1 x %2 mm/px</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <source>x %1  y %2</source>
        <translation>x %1  y %2</translation>
    </message>
    <message>
        <source> (%1, %2 mm)</source>
        <translation> (%1, %2 mm)</translation>
    </message>
    <message>
        <source>   value %1</source>
        <translation>   Wert %1</translation>
    </message>
    <message>
        <source>Frame %1 cannot be decoded: %2</source>
        <translation>Bild %1 kann nicht dekodiert werden: %2</translation>
    </message>
    <message>
        <source>  frame %1/%2</source>
        <translation>  Bild %1/%2</translation>
    </message>
    <message>
        <source>  loc %1 mm</source>
        <translation>  Pos. %1 mm</translation>
    </message>
    <message>
        <source>x %1  y %2  slice %3</source>
        <translation>x %1  y %2  Schicht %3</translation>
    </message>
    <message numerus="yes">
        <source>The %n picture(s) in this folder, as a workspace</source>
        <translation>
            <numerusform>Das %n Bild in diesem Ordner, als Arbeitsbereich</numerusform>
            <numerusform>Die %n Bilder in diesem Ordner, als Arbeitsbereich</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 — %n image(s), %3 x %4</source>
        <translation>
            <numerusform>%1 %2 — %n Bild, %3 x %4</numerusform>
            <numerusform>%1 %2 — %n Bilder, %3 x %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>De-identified %n DICOM file(s) into %1.</source>
        <translation>
            <numerusform>%n DICOM-Datei de-identifiziert nach %1 übernommen.</numerusform>
            <numerusform>%n DICOM-Dateien de-identifiziert nach %1 übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n DICOM file(s) into %1.</source>
        <translation>
            <numerusform>%n DICOM-Datei nach %1 kopiert.</numerusform>
            <numerusform>%n DICOM-Dateien nach %1 kopiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::EditingController</name>
    <message>
        <source>%1 (%2 plane %3)</source>
        <translation>%1 (%2 Ebene %3)</translation>
    </message>
    <message>
        <source>coronal</source>
        <translation>koronal</translation>
    </message>
    <message>
        <source>sagittal</source>
        <translation>sagittal</translation>
    </message>
    <message>
        <source>That edit spans several slices and one of them has a later edit: undo that first.</source>
        <translation>Diese Bearbeitung umfasst mehrere Schichten, und eine davon wurde später bearbeitet: Machen Sie das zuerst rückgängig.</translation>
    </message>
    <message>
        <source>That edit spans several slices and one of them was edited since: it cannot be redone.</source>
        <translation>Diese Bearbeitung umfasst mehrere Schichten, und eine davon wurde seitdem bearbeitet: Sie kann nicht wiederholt werden.</translation>
    </message>
    <message>
        <source>Merge class %1 into %2</source>
        <translation>Klasse %1 mit %2 vereinigen</translation>
    </message>
</context>
<context>
    <name>delineo::vm::EvaluationController</name>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Cannot evaluate</source>
        <translation>Auswertung nicht möglich</translation>
    </message>
    <message>
        <source>Open a workspace folder first: the validation split is the workspace&apos;s.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich: Der Validierungssplit gehört zum Arbeitsbereich.</translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation>v%1 (%2)</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>%1 on %2 validation slices: mean Dice %3.</source>
        <translation>%1 auf %2 Validierungsschichten: mittlerer Dice %3.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::ExportController</name>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Open a workspace folder with masks first.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereichsordner mit Masken.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Export</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) failed:</source>
        <translation>
            <numerusform>%n Datei fehlgeschlagen:</numerusform>
            <numerusform>%n Dateien fehlgeschlagen:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: wrote %2 of %3 to %4.</source>
        <translation>%1: %2 von %3 nach %4 geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n Maske</numerusform>
            <numerusform>%n Masken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bildern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s)</source>
        <translation>
            <numerusform>%n Messung</numerusform>
            <numerusform>%n Messungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::FastSeekController</name>
    <message>
        <source>Preparing fast seeking</source>
        <translation>Schnelles Springen wird vorbereitet</translation>
    </message>
    <message>
        <source>Fast seeking could not be prepared for %1: %2</source>
        <translation>Schnelles Springen konnte für %1 nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>Fast seeking ready for %1: a jump decodes at most 12 frames now.</source>
        <translation>Schnelles Springen für %1 bereit: ein Sprung dekodiert jetzt höchstens 12 Bilder.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::FillHoles3DOperation</name>
    <message>
        <source>Fill Holes in &amp;3D</source>
        <translation>Löcher in &amp;3D füllen</translation>
    </message>
    <message>
        <source>The class encloses no cavity in 3D.</source>
        <translation>Die Klasse umschließt in 3D keinen Hohlraum.</translation>
    </message>
    <message>
        <source>Fill holes in 3D</source>
        <translation>Löcher in 3D füllen</translation>
    </message>
</context>
<context>
    <name>delineo::vm::FillHolesOperation</name>
    <message>
        <source>Fill &amp;Holes</source>
        <translation>&amp;Löcher füllen</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>Löcher füllen</translation>
    </message>
</context>
<context>
    <name>delineo::vm::InterpolateOperation</name>
    <message>
        <source>&amp;Interpolate Class Between Slices</source>
        <translation>Klasse zwischen Schichten &amp;interpolieren</translation>
    </message>
    <message>
        <source>Draw the class on one of the %1 before and after this one, then interpolate.</source>
        <translation>Zeichnen Sie die Klasse auf einer der %1 davor und danach, dann interpolieren.</translation>
    </message>
    <message>
        <source>Interpolated %1 of the %2 between %3 and %4.</source>
        <translation>%1 der %2 zwischen %3 und %4 interpoliert.</translation>
    </message>
    <message>
        <source>Interpolate between %1 %2 and %3</source>
        <translation>Interpolieren zwischen %1 %2 und %3</translation>
    </message>
</context>
<context>
    <name>delineo::vm::JobRunner</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>delineo::vm::LabelImportController</name>
    <message>
        <source>Segmentations (*.nii *.nii.gz *.nrrd *.seg.nrrd *.nhdr *.dcm *.png *.tif *.tiff *.bmp);;All files (*)</source>
        <translation>Segmentierungen (*.nii *.nii.gz *.nrrd *.seg.nrrd *.nhdr *.dcm *.png *.tif *.tiff *.bmp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open segmentation</source>
        <translation>Segmentierung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open the image it belongs to first.</source>
        <translation>Öffnen Sie zuerst das Bild, zu dem sie gehört.</translation>
    </message>
    <message>
        <source>Open segmentation %1</source>
        <translation>Segmentierung %1 öffnen</translation>
    </message>
    <message>
        <source>%1 opened; slices changed: %2 (Ctrl+Z undoes).</source>
        <translation>%1 geöffnet; geänderte Schichten: %2 (Strg+Z macht rückgängig).</translation>
    </message>
    <message>
        <source>Classes added: %1.</source>
        <translation>Klassen hinzugefügt: %1.</translation>
    </message>
    <message>
        <source>Its class names are not kept: open the image&apos;s folder as a workspace (Ctrl+Shift+O) to keep them.</source>
        <translation>Ihre Klassennamen werden nicht behalten: Öffnen Sie den Ordner des Bildes als Arbeitsbereich (Strg+Umschalt+O), um sie zu behalten.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>%1 was not applied: another image is open now.</source>
        <translation>%1 wurde nicht übernommen: inzwischen ist ein anderes Bild geöffnet.</translation>
    </message>
    <message>
        <source>Reading segmentation</source>
        <translation>Segmentierung wird gelesen</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz);;NRRD (*.nrrd);;DICOM SEG (*.dcm);;PNG of the slice shown (*.png)</source>
        <translation>NIfTI (*.nii.gz);;NRRD (*.nrrd);;DICOM SEG (*.dcm);;PNG der gezeigten Schicht (*.png)</translation>
    </message>
    <message>
        <source>Cannot save segmentation</source>
        <translation>Segmentierung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>Öffnen Sie zuerst ein Bild.</translation>
    </message>
    <message>
        <source>A video&apos;s masks are saved frame by frame: choose PNG, or use File → Export…</source>
        <translation>Die Masken eines Videos werden Bild für Bild gespeichert: Wählen Sie PNG oder Datei → Exportieren…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Segmentation saved to %1.</source>
        <translation>Segmentierung gespeichert unter %1.</translation>
    </message>
    <message>
        <source>Saving segmentation</source>
        <translation>Segmentierung wird gespeichert</translation>
    </message>
    <message>
        <source>Add segmentation %1</source>
        <translation>Segmentierung %1 hinzufügen</translation>
    </message>
    <message>
        <source>%1 added over the labels; slices changed: %2 (Ctrl+Z undoes).</source>
        <translation>%1 über die Labels gelegt; geänderte Schichten: %2 (Strg+Z macht rückgängig).</translation>
    </message>
</context>
<context>
    <name>delineo::vm::MeasurementController</name>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>%1 px²</source>
        <translation>%1 px²</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <source>No measurement to undo</source>
        <translation>Keine Messung rückgängig zu machen</translation>
    </message>
    <message>
        <source>No measurement to redo</source>
        <translation>Keine Messung zu wiederholen</translation>
    </message>
    <message>
        <source>Draw Outline</source>
        <translation>Umriss zeichnen</translation>
    </message>
    <message>
        <source>Draw Ruler</source>
        <translation>Lineal zeichnen</translation>
    </message>
    <message>
        <source>Remove Outline</source>
        <translation>Umriss entfernen</translation>
    </message>
    <message>
        <source>Remove Ruler</source>
        <translation>Lineal entfernen</translation>
    </message>
    <message>
        <source>Move Ruler End</source>
        <translation>Linealende verschieben</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Rename Outline</source>
        <translation>Umriss umbenennen</translation>
    </message>
    <message>
        <source>Rename Ruler</source>
        <translation>Lineal umbenennen</translation>
    </message>
</context>
<context>
    <name>delineo::vm::MultiplanarController</name>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Koronal</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>Coronal and sagittal views need a volume of several slices.</source>
        <translation>Koronare und sagittale Ansichten brauchen ein Volumen aus mehreren Schichten.</translation>
    </message>
    <message>
        <source>Coronal and sagittal views are for grey-level volumes, not for video or colour frames.</source>
        <translation>Koronare und sagittale Ansichten gibt es für Graustufenvolumen, nicht für Videos oder Farbbilder.</translation>
    </message>
    <message>
        <source>These slices are a sample with gaps between them: coronal and sagittal views would join slices that are not neighbours.</source>
        <translation>Diese Schichten sind eine Auswahl mit Lücken: koronare und sagittale Ansichten würden Schichten verbinden, die nicht benachbart sind.</translation>
    </message>
    <message>
        <source>%1 %2/%3
(resampled)</source>
        <translation>%1 %2/%3
(neu abgetastet)</translation>
    </message>
</context>
<context>
    <name>delineo::vm::Notices</name>
    <message>
        <source>Another task is running (%1): try again when it has finished.</source>
        <translation>Eine andere Aufgabe läuft (%1): versuchen Sie es erneut, wenn sie beendet ist.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::PacsController</name>
    <message>
        <source>This client&apos;s AE title must have 1 to 16 characters.</source>
        <translation>Der AE-Titel dieses Clients muss 1 bis 16 Zeichen haben.</translation>
    </message>
    <message>
        <source>Searching %1</source>
        <translation>Suche in %1</translation>
    </message>
    <message>
        <source>Listing series</source>
        <translation>Serien werden aufgelistet</translation>
    </message>
    <message>
        <source>Open from PACS</source>
        <translation>Aus PACS öffnen</translation>
    </message>
    <message>
        <source>Open a workspace first: the series is copied into it.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich: Die Serie wird dorthin kopiert.</translation>
    </message>
    <message>
        <source>Retrieving from %1</source>
        <translation>Abruf von %1</translation>
    </message>
    <message>
        <source> %1 failed: %2</source>
        <translation> %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Sending to %1</source>
        <translation>Senden an %1</translation>
    </message>
    <message>
        <source>Searching studies</source>
        <translation>Studien werden gesucht</translation>
    </message>
    <message>
        <source>Listing the study&apos;s series</source>
        <translation>Serien der Studie werden aufgelistet</translation>
    </message>
    <message>
        <source>This computer has the series already: opened.</source>
        <translation>Dieser Computer hat die Serie bereits: geöffnet.</translation>
    </message>
    <message>
        <source>This series of the team workspace is on the PACS (%1): retrieving it.</source>
        <translation>Diese Serie des Team-Arbeitsbereichs liegt im PACS (%1): Sie wird abgerufen.</translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %1 of %n image(s)</source>
        <translation>
            <numerusform>%1 von %n Bild abgerufen</numerusform>
            <numerusform>%1 von %n Bildern abgerufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s)</source>
        <translation>
            <numerusform>%n Bild abgerufen</numerusform>
            <numerusform>%n Bilder abgerufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved and de-identified %n image(s) into %1.</source>
        <translation>
            <numerusform>%n Bild abgerufen und anonymisiert nach %1.</numerusform>
            <numerusform>%n Bilder abgerufen und anonymisiert nach %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s) into %1.</source>
        <translation>
            <numerusform>%n Bild abgerufen nach %1.</numerusform>
            <numerusform>%n Bilder abgerufen nach %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s) for the team workspace: every member sees the series in the list and retrieves it on opening.</source>
        <translation>
            <numerusform>%n Bild für den Team-Arbeitsbereich abgerufen: Jedes Mitglied sieht die Serie in der Liste und ruft sie beim Öffnen ab.</numerusform>
            <numerusform>%n Bilder für den Team-Arbeitsbereich abgerufen: Jedes Mitglied sieht die Serie in der Liste und ruft sie beim Öffnen ab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 of %n file(s)</source>
        <translation>
            <numerusform>%1 von %n Datei gesendet</numerusform>
            <numerusform>%1 von %n Dateien gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 of %n file(s) to %2.</source>
        <translation>
            <numerusform>%1 von %n Datei an %2 gesendet.</numerusform>
            <numerusform>%1 von %n Dateien an %2 gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::PatientAxesCopy</name>
    <message>
        <source>Cannot make a copy on the patient&apos;s axes</source>
        <translation>Kopie auf den Patientenachsen nicht möglich</translation>
    </message>
    <message>
        <source>Open an oblique series first: one that lies along the patient&apos;s axes needs no copy.</source>
        <translation>Öffnen Sie zuerst eine schräge Serie: eine Serie entlang der Patientenachsen braucht keine Kopie.</translation>
    </message>
    <message>
        <source>Resampling on the patient&apos;s axes…</source>
        <translation>Umrechnung auf die Patientenachsen…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>The copy was written to %1 but could not be opened.</source>
        <translation>Die Kopie wurde nach %1 geschrieben, konnte aber nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>A copy on the patient&apos;s axes: %1 (the original is unchanged).</source>
        <translation>Eine Kopie auf den Patientenachsen: %1 (das Original bleibt unverändert).</translation>
    </message>
    <message>
        <source>Copy on the patient&apos;s axes</source>
        <translation>Kopie auf den Patientenachsen</translation>
    </message>
    <message>
        <source>Choose another name: the copy would replace the series it is made from.</source>
        <translation>Wählen Sie einen anderen Namen: die Kopie würde die Serie ersetzen, aus der sie entsteht.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::PlaybackController</name>
    <message>
        <source>No annotated frame before this one.</source>
        <translation>Kein annotiertes Bild vor diesem.</translation>
    </message>
    <message>
        <source>No annotated frame after this one.</source>
        <translation>Kein annotiertes Bild nach diesem.</translation>
    </message>
    <message>
        <source>No frame before this one waits for review.</source>
        <translation>Vor diesem Bild wartet keines auf Prüfung.</translation>
    </message>
    <message>
        <source>No frame after this one waits for review.</source>
        <translation>Nach diesem Bild wartet keines auf Prüfung.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::PreviewController</name>
    <message>
        <source>Cannot load model</source>
        <translation>Modell kann nicht geladen werden</translation>
    </message>
    <message>
        <source>Using the %1 model for this image.</source>
        <translation>Für dieses Bild wird das Modell %1 verwendet.</translation>
    </message>
    <message>
        <source>Cannot run model</source>
        <translation>Modell kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>Öffnen Sie zuerst ein Bild.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <source>Segmenting</source>
        <translation>Segmentiere</translation>
    </message>
    <message>
        <source>AI result shown as outlines: Enter accepts, Shift+Enter accepts the active class only, Esc rejects. Your own labels are kept.</source>
        <translation>KI-Ergebnis als Konturen: Eingabe übernimmt, Umschalt+Eingabe nur die aktive Klasse, Esc verwirft. Ihre eigenen Beschriftungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Segmenting all slices</source>
        <translation>Segmentiere alle Schichten</translation>
    </message>
    <message>
        <source>Accept AI result (%1)</source>
        <translation>KI-Ergebnis übernehmen (%1)</translation>
    </message>
    <message>
        <source>AI segmentation</source>
        <translation>KI-Segmentierung</translation>
    </message>
    <message>
        <source>AI result accepted. Undo (Ctrl+Z) restores the previous mask.</source>
        <translation>KI-Ergebnis übernommen. Rückgängig (Strg+Z) stellt die vorige Maske wieder her.</translation>
    </message>
    <message>
        <source>The model ran on all %1 frames and found something on %2: they wait as outlines and marks on the timeline (Ctrl+Shift+PgDown goes to the next one).</source>
        <translation>Das Modell lief auf allen %1 Bildern und fand auf %2 etwas: Die Ergebnisse warten als Umrisse und Markierungen auf der Zeitleiste (Strg+Umschalt+Bild↓ springt zum nächsten).</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>Farb-</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>Graustufen-</translation>
    </message>
    <message>
        <source>No model is made for this %1 image: Run Model is off (Model → Load Model… picks one).</source>
        <translation>Kein Modell ist für dieses %1-Bild gemacht: Modell ausführen ist aus (Modell → Modell laden… wählt eines).</translation>
    </message>
    <message>
        <source>No model is made for this %1 image. Load one with Model → Load Model….</source>
        <translation>Kein Modell ist für dieses %1-Bild gemacht. Laden Sie eines mit Modell → Modell laden….</translation>
    </message>
    <message>
        <source>The model reads axial slices: it runs on all %1 of them to fill the coronal view.</source>
        <translation>Das Modell liest axiale Schichten: Es läuft auf allen %1, um die koronare Ansicht zu füllen.</translation>
    </message>
    <message>
        <source>The model reads axial slices: it runs on all %1 of them to fill the sagittal view.</source>
        <translation>Das Modell liest axiale Schichten: Es läuft auf allen %1, um die sagittale Ansicht zu füllen.</translation>
    </message>
    <message>
        <source>Accepting AI results</source>
        <translation>KI-Ergebnisse übernehmen</translation>
    </message>
    <message>
        <source>The model found none of its classes on this slice.</source>
        <translation>Das Modell hat auf dieser Schicht keine seiner Klassen gefunden.</translation>
    </message>
    <message>
        <source>The AI result changed nothing on this slice.</source>
        <translation>Das KI-Ergebnis hat auf dieser Schicht nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>AI results on %n slice(s) wait as outlines: Ctrl+Enter accepts all, Enter this slice, Esc rejects this slice.</source>
        <translation>
            <numerusform>KI-Ergebnisse auf %n Schicht warten als Konturen: Strg+Eingabe übernimmt alle, Eingabe diese Schicht, Esc verwirft diese Schicht.</numerusform>
            <numerusform>KI-Ergebnisse auf %n Schichten warten als Konturen: Strg+Eingabe übernimmt alle, Eingabe diese Schicht, Esc verwirft diese Schicht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AI results accepted on %n slice(s) (each undoable on its slice).</source>
        <translation>
            <numerusform>KI-Ergebnisse auf %n Schicht übernommen (jeweils auf ihrer Schicht rückgängig zu machen).</numerusform>
            <numerusform>KI-Ergebnisse auf %n Schichten übernommen (jeweils auf ihrer Schicht rückgängig zu machen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept All cancelled: AI results accepted on %1 of %n slice(s); the others still wait.</source>
        <translation>
            <numerusform>Alle übernehmen abgebrochen: KI-Ergebnisse auf %1 von %n Schicht übernommen; die übrigen warten weiter.</numerusform>
            <numerusform>Alle übernehmen abgebrochen: KI-Ergebnisse auf %1 von %n Schichten übernommen; die übrigen warten weiter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::RemoveIslands3DOperation</name>
    <message>
        <source>Remove Small Islands in 3&amp;D</source>
        <translation>Kleine Inseln in 3&amp;D entfernen</translation>
    </message>
    <message>
        <source>No 3D piece of the class is smaller than %1 voxels.</source>
        <translation>Kein 3D-Stück der Klasse ist kleiner als %1 Voxel.</translation>
    </message>
    <message>
        <source>Remove islands under %1 voxels in 3D</source>
        <translation>Inseln unter %1 Voxeln in 3D entfernen</translation>
    </message>
</context>
<context>
    <name>delineo::vm::RemoveIslandsOperation</name>
    <message>
        <source>Remove Small &amp;Islands</source>
        <translation>Kleine &amp;Inseln entfernen</translation>
    </message>
    <message>
        <source>Remove small islands</source>
        <translation>Kleine Inseln entfernen</translation>
    </message>
</context>
<context>
    <name>delineo::vm::ReviewController</name>
    <message>
        <source>Cannot save mask</source>
        <translation>Maske kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Nothing to save: no changes.</source>
        <translation>Nichts zu speichern: keine Änderungen.</translation>
    </message>
    <message>
        <source>Slice %1 approved.</source>
        <translation>Schicht %1 freigegeben.</translation>
    </message>
    <message>
        <source>Slice %1 rejected.</source>
        <translation>Schicht %1 abgelehnt.</translation>
    </message>
    <message>
        <source>Workspace database: %1</source>
        <translation>Arbeitsbereich-Datenbank: %1</translation>
    </message>
    <message>
        <source>Every file in this workspace has been reviewed.</source>
        <translation>Alle Dateien in diesem Arbeitsbereich sind geprüft.</translation>
    </message>
    <message>
        <source>Cannot rank</source>
        <translation>Ordnen nicht möglich</translation>
    </message>
    <message>
        <source>Open a workspace folder and load a model first.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich-Ordner und laden Sie ein Modell.</translation>
    </message>
    <message>
        <source>Ranking by uncertainty</source>
        <translation>Ordne nach Unsicherheit</translation>
    </message>
    <message>
        <source>Ranked %1 unreviewed files by model uncertainty; Shift+N opens the most uncertain.</source>
        <translation>%1 ungeprüfte Dateien nach Modellunsicherheit geordnet; Umschalt+N öffnet die unsicherste.</translation>
    </message>
    <message>
        <source>No ranked file left to review: Review → Rank Unreviewed by Model Uncertainty.</source>
        <translation>Keine geordnete Datei mehr zu prüfen: Befundung → Ungeprüfte nach Modellunsicherheit ordnen.</translation>
    </message>
    <message>
        <source>The workspace store cannot be opened in %1: %2</source>
        <translation>Der Arbeitsbereichsspeicher in %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n slice(s) to the workspace store in %1</source>
        <translation>
            <numerusform>%n Schicht im Arbeitsbereichsspeicher in %1 gespeichert</numerusform>
            <numerusform>%n Schichten im Arbeitsbereichsspeicher in %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>No workspace store: %1</source>
        <translation>Kein Arbeitsbereichsspeicher: %1</translation>
    </message>
    <message>
        <source>Workspace database</source>
        <translation>Arbeitsbereichsdatenbank</translation>
    </message>
    <message>
        <source>Cannot open the team workspace</source>
        <translation>Der Team-Arbeitsbereich lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>KI-Entwurf</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>%1  %2  by %3</source>
        <translation>%1  %2  von %3</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht erfasst)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is editing this case (for %n more minute(s)): your edits are kept as your own revisions beside theirs.</source>
        <translation>
            <numerusform>%1 bearbeitet diesen Fall (noch %n Minute): Ihre Änderungen werden als eigene Revisionen neben den seinen gespeichert.</numerusform>
            <numerusform>%1 bearbeitet diesen Fall (noch %n Minuten): Ihre Änderungen werden als eigene Revisionen neben den seinen gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>  (kept, not current: %1 had saved a newer one)</source>
        <translation>  (aufbewahrt, nicht aktuell: %1 hatte eine neuere gespeichert)</translation>
    </message>
    <message>
        <source>another member</source>
        <translation>ein anderes Mitglied</translation>
    </message>
    <message>
        <source>Newer revision by %1</source>
        <translation>Neuere Revision von %1</translation>
    </message>
    <message>
        <source>%1 saved slice %2 after you began editing it: your edit is kept as its own revision (History panel) and theirs is shown. Ctrl+Z brings yours back.</source>
        <translation>%1 hat Schicht %2 gespeichert, nachdem Sie mit der Bearbeitung begonnen hatten: Ihre Bearbeitung bleibt als eigene Revision erhalten (Verlauf), angezeigt wird die andere. Strg+Z holt Ihre zurück.</translation>
    </message>
    <message numerus="yes">
        <source>%1 saved a newer mask of %n slice(s); it is shown (Ctrl+Z undoes).</source>
        <translation>
            <numerusform>%1 hat eine neuere Maske von %n Schicht gespeichert; sie wird angezeigt (Strg+Z macht es rückgängig).</numerusform>
            <numerusform>%1 hat eine neuere Maske von %n Schichten gespeichert; sie wird angezeigt (Strg+Z macht es rückgängig).</numerusform>
        </translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Konsens</translation>
    </message>
    <message>
        <source>Consensus (%1)</source>
        <translation>Konsens (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Consensus (%1) of %2 stored for %n slice(s); each member&apos;s own mask stays in the history.</source>
        <translation>
            <numerusform>Konsens (%1) von %2 für %n Schicht gespeichert; die eigene Maske jedes Mitglieds bleibt im Verlauf.</numerusform>
            <numerusform>Konsens (%1) von %2 für %n Schichten gespeichert; die eigene Maske jedes Mitglieds bleibt im Verlauf.</numerusform>
        </translation>
    </message>
    <message>
        <source>No slice of this file was corrected by two members: no consensus to make.</source>
        <translation>Keine Schicht dieser Datei wurde von zwei Mitgliedern korrigiert: kein Konsens möglich.</translation>
    </message>
    <message>
        <source>A stored mask of slice %1 is damaged and was not loaded: %2</source>
        <translation>Eine gespeicherte Maske der Schicht %1 ist beschädigt und wurde nicht geladen: %2</translation>
    </message>
    <message>
        <source>A class needs a name, and labels go from 1 to 255.</source>
        <translation>Eine Klasse braucht einen Namen, und Labels reichen von 1 bis 255.</translation>
    </message>
    <message>
        <source>Classes are kept in a workspace: open a folder as a workspace (Ctrl+Shift+O) first.</source>
        <translation>Klassen werden in einem Arbeitsbereich gespeichert: Öffnen Sie zuerst einen Ordner als Arbeitsbereich (Strg+Umschalt+O).</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) show masks stored for this folder before its series were kept apart: check that they belong to this series; an edit keeps them with it.</source>
        <translation>
            <numerusform>%n Schicht zeigt Masken, die für diesen Ordner gespeichert wurden, bevor seine Serien getrennt geführt wurden: prüfen Sie, ob sie zu dieser Serie gehören; eine Bearbeitung behält sie bei ihr.</numerusform>
            <numerusform>%n Schichten zeigen Masken, die für diesen Ordner gespeichert wurden, bevor seine Serien getrennt geführt wurden: prüfen Sie, ob sie zu dieser Serie gehören; eine Bearbeitung behält sie bei ihr.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::SmoothOperation</name>
    <message>
        <source>&amp;Smooth Outline</source>
        <translation>Kontur &amp;glätten</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>Glätten</translation>
    </message>
</context>
<context>
    <name>delineo::vm::TrainingController</name>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Cannot train</source>
        <translation>Training nicht möglich</translation>
    </message>
    <message>
        <source>A training run is going already; cancel it first.</source>
        <translation>Es läuft bereits ein Training; brechen Sie es zuerst ab.</translation>
    </message>
    <message>
        <source>Open a workspace folder first: training uses its corrected masks.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich-Ordner: das Training nutzt dessen korrigierte Masken.</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Laden Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Training in the background; keep working. The active model stays in use.</source>
        <translation>Training läuft im Hintergrund; arbeiten Sie weiter. Das aktive Modell bleibt in Gebrauch.</translation>
    </message>
    <message>
        <source>Training cancelled; the run is recorded as cancelled and the active model is unchanged.</source>
        <translation>Training abgebrochen; der Lauf ist als abgebrochen vermerkt, das aktive Modell ist unverändert.</translation>
    </message>
    <message>
        <source>Training failed: %1. The active model is unchanged.</source>
        <translation>Training fehlgeschlagen: %1. Das aktive Modell ist unverändert.</translation>
    </message>
    <message>
        <source>New model version v%1: validation Dice %2 (base %3). Promote it in the Models panel.</source>
        <translation>Neue Modellversion v%1: Validierungs-Dice %2 (Basis %3). Im Bereich „Modelle“ freigeben.</translation>
    </message>
    <message>
        <source>New model version v%1 (no validation images). Promote it in the Models panel.</source>
        <translation>Neue Modellversion v%1 (keine Validierungsbilder). Im Bereich „Modelle“ freigeben.</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot promote</source>
        <translation>Freigabe nicht möglich</translation>
    </message>
    <message>
        <source>Model v%1 is now active.</source>
        <translation>Modell v%1 ist jetzt aktiv.</translation>
    </message>
    <message>
        <source>Cannot roll back</source>
        <translation>Zurücksetzen nicht möglich</translation>
    </message>
    <message>
        <source>The weights of v%1 cannot be loaded.</source>
        <translation>Die Gewichte von v%1 können nicht geladen werden.</translation>
    </message>
    <message>
        <source>Rolled back: model v%1 is active again.</source>
        <translation>Zurückgesetzt: Modell v%1 ist wieder aktiv.</translation>
    </message>
    <message>
        <source>Compare v%1 with the active model on %2</source>
        <translation>v%1 mit dem aktiven Modell auf %2 vergleichen</translation>
    </message>
    <message>
        <source>Ground truth (stored mask)</source>
        <translation>Referenz (gespeicherte Maske)</translation>
    </message>
    <message>
        <source>v%1%2: Dice %3</source>
        <translation>v%1%2: Dice %3</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation> (aktiv)</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>New AI Assist model version v%1: %2 clicks to Dice 0.90 on the validation split (base %3). Promote it in the Models panel.</source>
        <translation>Neue KI-Assistent-Modellversion v%1: %2 Klicks bis Dice 0,90 auf der Validierungsaufteilung (Basis %3). Geben Sie sie im Modellbereich frei.</translation>
    </message>
    <message>
        <source>Exporting a training job</source>
        <translation>Trainingsauftrag wird exportiert</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was kept.</source>
        <translation>Export abgebrochen; nichts wurde behalten.</translation>
    </message>
    <message>
        <source>Cannot export the training job: %1</source>
        <translation>Der Trainingsauftrag kann nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Wrote the training job to %1 (%2 training and %3 validation slices). Run it with %4 (several ranks: see docs/DISTRIBUTED.md), then add the model back with %5.</source>
        <translation>Trainingsauftrag nach %1 geschrieben (%2 Trainings- und %3 Validierungsschichten). Starten mit %4 (mehrere Ränge: siehe docs/DISTRIBUTED.md), dann das Modell mit %5 zurückholen.</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Cannot add the model</source>
        <translation>Das Modell kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>%1 is not a training job exported by Delineo (it has no job.json).</source>
        <translation>%1 ist kein von Delineo exportierter Trainingsauftrag (es fehlt job.json).</translation>
    </message>
    <message>
        <source>Open a workspace folder first.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereichsordner.</translation>
    </message>
    <message>
        <source>Adding a model from a cluster job</source>
        <translation>Modell aus einem Cluster-Auftrag wird hinzugefügt</translation>
    </message>
    <message>
        <source>Cancelled; the job&apos;s model was not added.</source>
        <translation>Abgebrochen; das Modell des Auftrags wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>Cannot add the job&apos;s model: %1</source>
        <translation>Das Modell des Auftrags kann nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>New model version v%1 from the cluster job: validation Dice %2 (base v%3: %4). Promote it in the Models panel.</source>
        <translation>Neue Modellversion v%1 aus dem Cluster-Auftrag: Validierungs-Dice %2 (Basis v%3: %4). Im Modellbereich aktivieren.</translation>
    </message>
    <message>
        <source>New model version v%1 from the cluster job. Promote it in the Models panel.</source>
        <translation>Neue Modellversion v%1 aus dem Cluster-Auftrag. Im Modellbereich aktivieren.</translation>
    </message>
</context>
</TS>
