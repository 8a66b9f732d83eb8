<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>DicomImport</name>
    <message numerus="yes">
        <source> %n image(s) may show text burned into the pixels, which de-identification leaves: check them before sharing.</source>
        <translation>
            <numerusform> %n imagen puede mostrar texto grabado en los píxeles, que la desidentificación no elimina: revísela antes de compartir.</numerusform>
            <numerusform> %n imágenes pueden mostrar texto grabado en los píxeles, que la desidentificación no elimina: revíselas antes de compartir.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The file or folder does not exist.</source>
        <translation>El archivo o la carpeta no existe.</translation>
    </message>
    <message>
        <source>The file exists but cannot be read (permissions or a disk error).</source>
        <translation>El archivo existe pero no se puede leer (permisos o un error de disco).</translation>
    </message>
    <message>
        <source>Delineo does not read this file format.</source>
        <translation>Delineo no lee este formato de archivo.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete.</source>
        <translation>El archivo está dañado o incompleto.</translation>
    </message>
    <message>
        <source>The image is compressed in a way Delineo cannot decode.</source>
        <translation>La imagen está comprimida de una forma que Delineo no puede descodificar.</translation>
    </message>
    <message>
        <source>The sizes do not match.</source>
        <translation>Los tamaños no coinciden.</translation>
    </message>
    <message>
        <source>Writing failed (disk full or no permission?). What was saved before is kept.</source>
        <translation>La escritura falló (¿disco lleno o sin permiso?). Lo guardado antes se conserva.</translation>
    </message>
    <message>
        <source>Another Delineo window or process is using it.</source>
        <translation>Otra ventana o proceso de Delineo lo está usando.</translation>
    </message>
    <message>
        <source>The model file is missing, damaged or does not fit its description.</source>
        <translation>El archivo del modelo falta, está dañado o no coincide con su descripción.</translation>
    </message>
    <message>
        <source>Training could not start or go on.</source>
        <translation>El entrenamiento no pudo empezar o continuar.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalles: %1</translation>
    </message>
    <message>
        <source>The file claims a size larger than Delineo allows itself to load.</source>
        <translation>El archivo declara un tamaño mayor del que Delineo se permite cargar.</translation>
    </message>
</context>
<context>
    <name>LoadWarning</name>
    <message>
        <source>no ImagePositionPatient/ImageOrientationPatient: slices ordered by InstanceNumber, slice spacing unknown</source>
        <translation>sin ImagePositionPatient/ImageOrientationPatient: cortes ordenados por InstanceNumber, espaciado entre cortes desconocido</translation>
    </message>
    <message>
        <source>two or more slices share a position (duplicates or several stacks in one series)</source>
        <translation>dos o más cortes comparten una posición (duplicados o varias pilas en una serie)</translation>
    </message>
    <message>
        <source>irregular slice spacing: %1 to %2 mm (median %3 mm)</source>
        <translation>espaciado irregular entre cortes: de %1 a %2 mm (mediana %3 mm)</translation>
    </message>
    <message>
        <source>gantry tilt of %1 degrees: slices are sheared relative to the slice normal</source>
        <translation>inclinación del gantry de %1 grados: los cortes están cizallados respecto a la normal del corte</translation>
    </message>
    <message>
        <source>slice numbers are not contiguous (a sample of the scan): slice spacing unknown</source>
        <translation>los números de corte no son consecutivos (una muestra del estudio): espaciado entre cortes desconocido</translation>
    </message>
    <message>
        <source>%1; the first %2 frames are open</source>
        <translation>%1; están abiertos los primeros %2 fotogramas</translation>
    </message>
    <message>
        <source>only the first %1 of %2 frames are open</source>
        <translation>solo están abiertos los primeros %1 de %2 fotogramas</translation>
    </message>
    <message>
        <source>saved mask %1 does not match the image size: ignored</source>
        <translation>la máscara guardada %1 no coincide con el tamaño de la imagen: se ignora</translation>
    </message>
    <message>
        <source>saved mask unreadable: %1</source>
        <translation>máscara guardada ilegible: %1</translation>
    </message>
    <message>
        <source>the label map stores its axes in another order or direction: placed by its geometry, voxel for voxel</source>
        <translation>el mapa de etiquetas guarda sus ejes en otro orden o sentido: colocado según su geometría, vóxel a vóxel</translation>
    </message>
    <message>
        <source>the label map lies on another grid (%1 voxels of %2 mm): resampled onto the image (nearest neighbour)</source>
        <translation>el mapa de etiquetas está en otra rejilla (%1 vóxeles de %2 mm): remuestreado sobre la imagen (vecino más próximo)</translation>
    </message>
    <message>
        <source>%1% of the label map&apos;s labelled voxels lie outside the image and were left out</source>
        <translation>el %1% de los vóxeles etiquetados del mapa queda fuera de la imagen y se ha omitido</translation>
    </message>
    <message>
        <source>the image has no position in space: the label map was placed voxel for voxel, its geometry unchecked</source>
        <translation>la imagen no tiene posición en el espacio: el mapa de etiquetas se colocó vóxel a vóxel, sin comprobar su geometría</translation>
    </message>
    <message>
        <source>%1 voxels lie in more than one segment: each shows the segment of the last layer (a label map holds one label per voxel)</source>
        <translation>%1 vóxeles están en más de un segmento: cada uno muestra el segmento de la última capa (un mapa de etiquetas guarda una etiqueta por vóxel)</translation>
    </message>
    <message>
        <source>labels renumbered to the workspace&apos;s classes of the same name, or to free numbers where the workspace&apos;s class of that number has another name: %1</source>
        <translation>etiquetas renumeradas a las clases del espacio de trabajo con el mismo nombre, o a números libres donde la clase de ese número tiene otro nombre: %1</translation>
    </message>
    <message>
        <source>%1 series or stacks here: the largest, %2, is open; open another as PATH#series=NAME (delineo-cli info lists them)</source>
        <translation>%1 series o pilas aquí: la mayor, %2, está abierta; abra otra como RUTA#series=NOMBRE (delineo-cli info las enumera)</translation>
    </message>
</context>
<context>
    <name>MaskOperations</name>
    <message>
        <source>coronal planes</source>
        <translation>planos coronales</translation>
    </message>
    <message>
        <source>sagittal planes</source>
        <translation>planos sagitales</translation>
    </message>
    <message>
        <source>slices</source>
        <translation>cortes</translation>
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
        <translation>Ejecutando el modelo…</translation>
    </message>
    <message>
        <source>Segmentation done</source>
        <translation>Segmentación terminada</translation>
    </message>
    <message>
        <source>Running the model on slice %1 of %2…</source>
        <translation>Ejecutando el modelo en el corte %1 de %2…</translation>
    </message>
    <message>
        <source>Loading %1 of %2</source>
        <translation>Cargando %1 de %2</translation>
    </message>
    <message>
        <source>Importing file %1 of %2</source>
        <translation>Importando el archivo %1 de %2</translation>
    </message>
    <message>
        <source>Scoring %1 of %2…</source>
        <translation>Puntuando %1 de %2…</translation>
    </message>
    <message>
        <source>Loading %1 training and %2 validation slices…</source>
        <translation>Cargando %1 cortes de entrenamiento y %2 de validación…</translation>
    </message>
    <message>
        <source>Epoch %1/%2, step %3/%4, loss %5%6 · about %7 left</source>
        <translation>Época %1/%2, paso %3/%4, pérdida %5%6 · quedan unos %7</translation>
    </message>
    <message>
        <source>, validation Dice %1</source>
        <translation>, Dice de validación %1</translation>
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
        <translation>Exportando imagen %1 de %2</translation>
    </message>
    <message>
        <source>Propagating to frame %1 of %2…</source>
        <translation>Propagando al fotograma %1 de %2…</translation>
    </message>
    <message>
        <source>%1 · about %2 left</source>
        <translation>%1 · quedan unos %2</translation>
    </message>
    <message>
        <source>Running the model on frame %1 (%2 of %3)…</source>
        <translation>Ejecutando el modelo en el fotograma %1 (%2 de %3)…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>Measuring slice %1 of %2…</source>
        <translation>Midiendo el corte %1 de %2…</translation>
    </message>
    <message>
        <source>Writing the cluster job: %1</source>
        <translation>Escribiendo el trabajo para el clúster: %1</translation>
    </message>
    <message>
        <source>Measuring the job&apos;s model and its base on the validation split…</source>
        <translation>Midiendo el modelo del trabajo y su base en la partición de validación…</translation>
    </message>
    <message>
        <source>Accepting AI results: %1 of %2…</source>
        <translation>Aceptando resultados de IA: %1 de %2…</translation>
    </message>
</context>
<context>
    <name>Series</name>
    <message>
        <source>echo %1</source>
        <translation>eco %1</translation>
    </message>
    <message>
        <source>phase %1</source>
        <translation>fase %1</translation>
    </message>
    <message>
        <source>b = %1 s/mm²</source>
        <translation>b = %1 s/mm²</translation>
    </message>
    <message>
        <source>plane %1</source>
        <translation>plano %1</translation>
    </message>
    <message>
        <source>magnitude image</source>
        <translation>imagen de magnitud</translation>
    </message>
    <message>
        <source>phase image</source>
        <translation>imagen de fase</translation>
    </message>
    <message>
        <source>real part</source>
        <translation>parte real</translation>
    </message>
    <message>
        <source>imaginary part</source>
        <translation>parte imaginaria</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>polyp</source>
        <translation>pólipo</translation>
    </message>
    <message>
        <source>stomach</source>
        <translation>estómago</translation>
    </message>
    <message>
        <source>large bowel</source>
        <translation>intestino grueso</translation>
    </message>
    <message>
        <source>small bowel</source>
        <translation>intestino delgado</translation>
    </message>
    <message>
        <source>tumour</source>
        <translation>tumor</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Cerebro</translation>
    </message>
    <message>
        <source>Soft tissue</source>
        <translation>Tejido blando</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Pulmón</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Hueso</translation>
    </message>
    <message>
        <source>Full range</source>
        <translation>Rango completo</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automática</translation>
    </message>
    <message>
        <source>class %1</source>
        <comment>a label without a name</comment>
        <translation>clase %1</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>&amp;Brush</source>
        <translation>&amp;Pincel</translation>
    </message>
    <message>
        <source>Drag to paint the active class; Shift+drag erases it. [ and ] change the size.</source>
        <translation>Arrastre para pintar la clase activa; Mayús+arrastrar la borra. [ y ] cambian el tamaño.</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Borrador</translation>
    </message>
    <message>
        <source>Drag to erase the active class (any class when &quot;Overwrite other classes&quot; is on).</source>
        <translation>Arrastre para borrar la clase activa (cualquier clase si «Sobrescribir otras clases» está activado).</translation>
    </message>
    <message>
        <source>&amp;Threshold Brush</source>
        <translation>Pincel de &amp;umbral</translation>
    </message>
    <message>
        <source>Paints only pixels whose intensity is within the range below; Ctrl+click sets the range around the clicked value.</source>
        <translation>Pinta solo los píxeles cuya intensidad está en el rango de abajo; Ctrl+clic fija el rango alrededor del valor pulsado.</translation>
    </message>
    <message>
        <source>&amp;Polygon / Lasso Fill</source>
        <translation>Relleno de &amp;polígono / lazo</translation>
    </message>
    <message>
        <source>Drag around a region to fill it with the active class; Shift+drag erases inside.</source>
        <translation>Arrastre alrededor de una región para rellenarla con la clase activa; Mayús+arrastrar borra el interior.</translation>
    </message>
    <message>
        <source>&amp;Flood Fill</source>
        <translation>Relleno por &amp;inundación</translation>
    </message>
    <message>
        <source>Click inside a region (e.g. a drawn outline) to fill it with the active class.</source>
        <translation>Haga clic dentro de una región (p. ej. un contorno dibujado) para rellenarla con la clase activa.</translation>
    </message>
    <message>
        <source>AI &amp;Assist (Clicks, Box, Scribble)</source>
        <translation>&amp;Asistente IA (clics, recuadro, trazos)</translation>
    </message>
    <message>
        <source>Click the object to add it, right-click or Shift+click to remove; drag a box around it, Alt+drag to scribble. Enter accepts, Backspace removes the last prompt, Esc drops them.</source>
        <translation>Haga clic en el objeto para añadirlo; clic derecho o Mayús+clic para quitar; arrastre un recuadro alrededor, Alt+arrastrar para trazar. Intro acepta, Retroceso quita la última indicación, Esc las descarta.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Pintar</translation>
    </message>
    <message>
        <source>Flood fill</source>
        <translation>Relleno</translation>
    </message>
    <message>
        <source>Polygon erase</source>
        <translation>Borrar polígono</translation>
    </message>
    <message>
        <source>Polygon fill</source>
        <translation>Rellenar polígono</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>%1 of %2</source>
        <comment>slices of images</comment>
        <translation>%1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; corrected or approved slice(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; corte corregido o aprobado</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; cortes corregidos o aprobados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; image(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; imagen</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; imágenes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::ui::AgreementDialog</name>
    <message>
        <source>Agreement Between Annotators</source>
        <translation>Concordancia entre anotadores</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Anotadores</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Cortes</translation>
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
        <translation>Píxeles (cada uno)</translation>
    </message>
    <message>
        <source>Consensus by &amp;Majority</source>
        <translation>Consenso por &amp;mayoría</translation>
    </message>
    <message>
        <source>Consensus by &amp;STAPLE</source>
        <translation>Consenso por &amp;STAPLE</translation>
    </message>
    <message>
        <source>Each pixel gets the label most annotators gave it; a tie stays background.</source>
        <translation>Cada píxel recibe la etiqueta que le dio la mayoría; un empate queda como fondo.</translation>
    </message>
    <message>
        <source>STAPLE weighs each annotator by how well they agree with the others (ITK).</source>
        <translation>STAPLE pondera a cada anotador según cuánto concuerda con los demás (ITK).</translation>
    </message>
    <message>
        <source>No slice of this file has corrections by two annotators yet. Each member&apos;s newest correction of a slice is compared; AI drafts and consensus masks are not.</source>
        <translation>Ningún corte de este archivo tiene aún correcciones de dos anotadores. Se compara la corrección más reciente de cada miembro por corte; no los borradores de IA ni las máscaras de consenso.</translation>
    </message>
    <message>
        <source>Each member&apos;s newest correction of each slice, compared over the slices both corrected. Dice over those slices together; HD95 is the mean over slices where both drew the class. A consensus becomes the slices&apos; mask as a revision of its own; every member&apos;s mask stays in the history.</source>
        <translation>La corrección más reciente de cada miembro por corte, comparada en los cortes que ambos corrigieron. Dice sobre esos cortes juntos; HD95 es la media en los cortes donde ambos dibujaron la clase. Un consenso pasa a ser la máscara de los cortes como revisión propia; la máscara de cada miembro queda en el historial.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ClassLegend</name>
    <message>
        <source>Overlay classes: untick to hide a class</source>
        <translation>Clases superpuestas: desmarque para ocultar una clase</translation>
    </message>
    <message>
        <source>Add Class…</source>
        <translation>Añadir clase…</translation>
    </message>
    <message>
        <source>Rename or Recolour Class…</source>
        <translation>Renombrar o cambiar el color de la clase…</translation>
    </message>
    <message>
        <source>Add Class</source>
        <translation>Añadir clase</translation>
    </message>
    <message>
        <source>Rename or Recolour Class</source>
        <translation>Renombrar o cambiar el color de la clase</translation>
    </message>
    <message>
        <source>Name of label %1:</source>
        <translation>Nombre de la etiqueta %1:</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Color de %1</translation>
    </message>
</context>
<context>
    <name>delineo::ui::EditToolBar</name>
    <message>
        <source>Tools</source>
        <translation>Herramientas</translation>
    </message>
    <message>
        <source> Class </source>
        <translation> Clase </translation>
    </message>
    <message>
        <source>  Brush </source>
        <translation>  Pincel </translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>  Opacity </source>
        <translation>  Opacidad </translation>
    </message>
</context>
<context>
    <name>delineo::ui::EvaluationDialog</name>
    <message>
        <source>Evaluation of %1</source>
        <translation>Evaluación de %1</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>píxeles</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Pixel accuracy</source>
        <translation>Exactitud de píxel</translation>
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
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Exhaustividad</translation>
    </message>
    <message>
        <source>HD95</source>
        <translation>HD95</translation>
    </message>
    <message>
        <source>Mean (drawn classes)</source>
        <translation>Media (clases dibujadas)</translation>
    </message>
    <message>
        <source>Open Report</source>
        <translation>Abrir informe</translation>
    </message>
    <message>
        <source>On the workspace&apos;s frozen validation split: %1, each at its own size. Means over slices; HD95 in %2. Grey rows: classes nobody drew in these slices (left out of the mean).</source>
        <translation>En la partición de validación congelada del espacio de trabajo: %1, cada uno a su tamaño. Medias sobre cortes; HD95 en %2. Filas grises: clases que nadie dibujó en estos cortes (fuera de la media).</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ExportDialog</name>
    <message>
        <source>Export Workspace</source>
        <translation>Exportar espacio de trabajo</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>De-identify (PS3.15 Annex E basic profile)</source>
        <translation>Desidentificar (perfil básico del anexo E de PS3.15)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destino:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>Cancelar exportación</translation>
    </message>
    <message>
        <source>Export cancelled; what was written so far stays in %1.</source>
        <translation>Exportación cancelada; lo escrito hasta ahora queda en %1.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>Exportar en</translation>
    </message>
</context>
<context>
    <name>delineo::ui::FileListPanel</name>
    <message>
        <source>Workspace</source>
        <translation>Espacio de trabajo</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Needing review</source>
        <translation>Pendientes de revisión</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>Borrador de IA</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corregido</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>%1; model uncertainty %2</source>
        <translation>%1; incertidumbre del modelo %2</translation>
    </message>
    <message>
        <source>Workspace — %1 of %2 reviewed</source>
        <translation>Espacio de trabajo — %1 de %2 revisados</translation>
    </message>
</context>
<context>
    <name>delineo::ui::FineTuneDialog</name>
    <message>
        <source>Fine-tune Current Model</source>
        <translation>Ajustar el modelo actual</translation>
    </message>
    <message>
        <source>Validation images (frozen for this workspace, never trained on; untick to train on one):</source>
        <translation>Imágenes de validación (fijadas para este espacio de trabajo, nunca se entrena con ellas; desmarque para entrenar con una):</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>imagen %1</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
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
        <translation>Épocas:</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>Tiempo máximo:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Tasa de aprendizaje:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>Iniciar entrenamiento</translation>
    </message>
    <message>
        <source>Train from scratch like</source>
        <translation>Entrenar desde cero como</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Train from scratch (same classes, new weights)</source>
        <translation>Entrenar desde cero (mismas clases, pesos nuevos)</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Arquitectura:</translation>
    </message>
    <message>
        <source>1 slice (2D)</source>
        <translation>1 corte (2D)</translation>
    </message>
    <message>
        <source>%1 slices (2.5D)</source>
        <translation>%1 cortes (2,5D)</translation>
    </message>
    <message>
        <source>How many neighbouring slices the model reads for each slice (2.5D). Helps when slices are close together; at a volume&apos;s ends the neighbours are mirrored.</source>
        <translation>Cuántos cortes vecinos lee el modelo para cada corte (2,5D). Ayuda cuando los cortes están próximos; en los extremos de un volumen los vecinos se reflejan.</translation>
    </message>
    <message>
        <source>Slices read:</source>
        <translation>Cortes leídos:</translation>
    </message>
    <message>
        <source>Export Job for a Cluster…</source>
        <translation>Exportar trabajo para un clúster…</translation>
    </message>
    <message>
        <source>Write the training data, the configuration and the launch command into a folder, to train on a cluster or a GPU machine; add the model back with delineo-cli models add</source>
        <translation>Escribe los datos de entrenamiento, la configuración y la orden de inicio en una carpeta, para entrenar en un clúster o una máquina con GPU; vuelva a añadir el modelo con delineo-cli models add</translation>
    </message>
    <message>
        <source>Export Job for a Cluster: an Empty Folder</source>
        <translation>Exportar trabajo para un clúster: una carpeta vacía</translation>
    </message>
    <message>
        <source>Learn the workspace&apos;s new classes: %1</source>
        <translation>Aprender las clases nuevas del espacio de trabajo: %1</translation>
    </message>
    <message>
        <source>The model gets an output for each; its own classes keep theirs. Unticked, they stay background to it.</source>
        <translation>El modelo recibe una salida para cada una; sus propias clases conservan las suyas. Sin marcar, siguen siendo fondo para él.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from &lt;b&gt;v%2&lt;/b&gt; %3 (%4, base width %5, %6×%6 input, %7, %8).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; a partir de &lt;b&gt;v%2&lt;/b&gt; %3 (%4, anchura base %5, entrada %6×%6, %7, %8).</translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n clase</numerusform>
            <numerusform>%n clases</numerusform>
        </translation>
    </message>
    <message>
        <source>Trains on %1 (AI drafts are never used); validates on %2. The active model stays in use until you promote the result.</source>
        <translation>Entrena con %1 (nunca se usan borradores de IA); valida con %2. El modelo activo sigue en uso hasta que promueva el resultado.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>Shift+F1</source>
        <translation>Shift+F1</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Delineo</source>
        <translation>&amp;Acerca de Delineo</translation>
    </message>
    <message>
        <source>About Delineo</source>
        <translation>Acerca de Delineo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delineo&lt;/b&gt; %1&lt;br&gt;Medical image segmentation: review, correct, retrain.&lt;br&gt;&lt;br&gt;&lt;table&gt;%2&lt;/table&gt;&lt;br&gt;Bundled demo data and its licences:&lt;ul&gt;&lt;li&gt;Kvasir-SEG frames (Simula Research Laboratory): research and educational use, citing Jha et al., MMM 2020;&lt;/li&gt;&lt;li&gt;UW-Madison GI tract MRI slices: Kaggle competition data, citing Lee et al., Data in Brief 57, 2024;&lt;/li&gt;&lt;li&gt;an MR DICOM file from the pydicom test data: MIT licence.&lt;/li&gt;&lt;/ul&gt;Details are in ATTRIBUTION.md in the demo folder.</source>
        <translation>&lt;b&gt;Delineo&lt;/b&gt; %1&lt;br&gt;Segmentación de imágenes médicas: revisar, corregir, reentrenar.&lt;br&gt;&lt;br&gt;&lt;table&gt;%2&lt;/table&gt;&lt;br&gt;Datos de demostración incluidos y sus licencias:&lt;ul&gt;&lt;li&gt;imágenes de Kvasir-SEG (Simula Research Laboratory): uso en investigación y docencia, citando a Jha et al., MMM 2020;&lt;/li&gt;&lt;li&gt;cortes de RM del tracto gastrointestinal de UW-Madison: datos de una competición de Kaggle, citando a Lee et al., Data in Brief 57, 2024;&lt;/li&gt;&lt;li&gt;un archivo DICOM de RM de los datos de prueba de pydicom: licencia MIT.&lt;/li&gt;&lt;/ul&gt;Los detalles están en ATTRIBUTION.md, en la carpeta de demostración.</translation>
    </message>
    <message>
        <source>The user guide is not installed (looked in %1/docs).</source>
        <translation>La guía del usuario no está instalada (se buscó en %1/docs).</translation>
    </message>
    <message>
        <source>Delineo User Guide</source>
        <translation>Guía del usuario de Delineo</translation>
    </message>
</context>
<context>
    <name>delineo::ui::HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Saved in the workspace:</source>
        <translation>Guardado en el espacio de trabajo:</translation>
    </message>
    <message>
        <source>Click an entry to undo or redo up to it: this slice&apos;s edits, then this image&apos;s rulers and outlines. Below: this slice&apos;s revisions saved in the workspace, newest first, with who made each</source>
        <translation>Haga clic en una entrada para deshacer o rehacer hasta ella: las ediciones de este corte, luego las reglas y contornos de esta imagen. Debajo: las revisiones de este corte guardadas en el espacio de trabajo, la más reciente primero, con quién hizo cada una</translation>
    </message>
    <message>
        <source>Rulers and outlines of this image:</source>
        <translation>Reglas y contornos de esta imagen:</translation>
    </message>
    <message>
        <source>As opened</source>
        <translation>Como se abrió</translation>
    </message>
</context>
<context>
    <name>delineo::ui::JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Task failed</source>
        <translation>La tarea falló</translation>
    </message>
</context>
<context>
    <name>delineo::ui::LoadNotes</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n nota</numerusform>
            <numerusform>%n notas</numerusform>
        </translation>
    </message>
    <message>
        <source>Please note</source>
        <translation>Tenga en cuenta</translation>
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
        <translation>Abra una imagen (Ctrl+O), una carpeta de espacio de trabajo (Ctrl+Mayús+O)
o suelte aquí un archivo JPEG, PNG o DICOM.</translation>
    </message>
    <message>
        <source>Open Demo Workspace</source>
        <translation>Abrir el espacio de trabajo de demostración</translation>
    </message>
    <message>
        <source>Four Kvasir-SEG polyp frames and three abdominal MRI slices with the default models</source>
        <translation>Cuatro imágenes de pólipos de Kvasir-SEG y tres cortes de RM abdominal con los modelos predeterminados</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>Borrador de IA</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open Image…</source>
        <translation>&amp;Abrir imagen…</translation>
    </message>
    <message>
        <source>Open &amp;Workspace Folder…</source>
        <translation>Abrir carpeta de &amp;espacio de trabajo…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open DICOM &amp;Series…</source>
        <translation>Abrir &amp;serie DICOM…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Open De&amp;mo Workspace</source>
        <translation>Abrir espacio de trabajo de de&amp;mostración</translation>
    </message>
    <message>
        <source>&amp;Import DICOM into Workspace…</source>
        <translation>&amp;Importar DICOM al espacio de trabajo…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Save Mask</source>
        <translation>&amp;Guardar máscara</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
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
        <translation>Pincel más grande</translation>
    </message>
    <message>
        <source>]</source>
        <translation>]</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>Pincel más pequeño</translation>
    </message>
    <message>
        <source>[</source>
        <translation>[</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Show &amp;Overlay</source>
        <translation>Mostrar &amp;superposición</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Overlay as &amp;Outlines</source>
        <translation>Superposición como &amp;contornos</translation>
    </message>
    <message>
        <source>Shift+O</source>
        <translation>Shift+O</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajustar a la ventana</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>&amp;Tamaño real (1:1)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Reset Window/Level</source>
        <translation>&amp;Restablecer ventana/nivel</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Window &amp;Presets</source>
        <translation>&amp;Preajustes de ventana</translation>
    </message>
    <message>
        <source>&amp;Previous Slice</source>
        <translation>Corte &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next Slice</source>
        <translation>Corte &amp;siguiente</translation>
    </message>
    <message>
        <source>First Slice</source>
        <translation>Primer corte</translation>
    </message>
    <message>
        <source>Last Slice</source>
        <translation>Último corte</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <source>&amp;Run Model on Image</source>
        <translation>&amp;Ejecutar el modelo en la imagen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>&amp;Cargar modelo…</translation>
    </message>
    <message>
        <source>&amp;Accept AI Result</source>
        <translation>&amp;Aceptar el resultado de la IA</translation>
    </message>
    <message>
        <source>Accept AI Result for the Active &amp;Class</source>
        <translation>Aceptar el resultado de la IA para la &amp;clase activa</translation>
    </message>
    <message>
        <source>&amp;Reject AI Result</source>
        <translation>&amp;Rechazar el resultado de la IA</translation>
    </message>
    <message>
        <source>Run Model on &amp;All Slices</source>
        <translation>Ejecutar el modelo en &amp;todos los cortes</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Accept AI Results on All Slices</source>
        <translation>Aceptar los resultados de la IA en todos los cortes</translation>
    </message>
    <message>
        <source>Show AI &amp;Confidence</source>
        <translation>Mostrar la &amp;confianza de la IA</translation>
    </message>
    <message>
        <source>Shift+C</source>
        <translation>Shift+C</translation>
    </message>
    <message>
        <source>Shade the AI preview by the model&apos;s probability: faint where it is unsure</source>
        <translation>Sombrear la vista previa de la IA según la probabilidad del modelo: tenue donde duda</translation>
    </message>
    <message>
        <source>AI May &amp;Overwrite My Labels</source>
        <translation>La IA puede &amp;sobrescribir mis etiquetas</translation>
    </message>
    <message>
        <source>Test-time &amp;Flip Augmentation</source>
        <translation>Aumento por &amp;volteo en la inferencia</translation>
    </message>
    <message>
        <source>Average the model over the image and its flips: steadier masks, 3x the time</source>
        <translation>Promediar el modelo sobre la imagen y sus volteos: máscaras más estables, el triple de tiempo</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <source>&amp;Approve Case</source>
        <translation>&amp;Aprobar el caso</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>&amp;Reject Case</source>
        <translation>&amp;Rechazar el caso</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>&amp;Next Needing Review</source>
        <translation>&amp;Siguiente pendiente de revisión</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Approve &amp;Slice</source>
        <translation>Aprobar el &amp;corte</translation>
    </message>
    <message>
        <source>Shift+A</source>
        <translation>Shift+A</translation>
    </message>
    <message>
        <source>Reject S&amp;lice</source>
        <translation>Rechazar el cor&amp;te</translation>
    </message>
    <message>
        <source>Shift+X</source>
        <translation>Shift+X</translation>
    </message>
    <message>
        <source>Next &amp;Most Uncertain</source>
        <translation>Siguiente &amp;más incierto</translation>
    </message>
    <message>
        <source>Shift+N</source>
        <translation>Shift+N</translation>
    </message>
    <message>
        <source>Rank &amp;Unreviewed by Model Uncertainty</source>
        <translation>Ordenar los &amp;no revisados por incertidumbre del modelo</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Mark &amp;Corrected</source>
        <translation>Marcar como &amp;corregido</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Co&amp;mment…</source>
        <translation>Co&amp;mentario…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Reviewer Comment</source>
        <translation>Comentario del revisor</translation>
    </message>
    <message>
        <source>Comment on %1:</source>
        <translation>Comentario sobre %1:</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Cortes</translation>
    </message>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1 (W %2, L %3)</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>Modelo: %1 (%2)</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>sin empezar</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corregido</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source> Slice %1/%2 · %3 </source>
        <translation> Corte %1/%2 · %3 </translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer %1</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>Cargar modelo</translation>
    </message>
    <message>
        <source>Delineo models (*.pt)</source>
        <translation>Modelos de Delineo (*.pt)</translation>
    </message>
    <message>
        <source>Unsaved mask</source>
        <translation>Máscara sin guardar</translation>
    </message>
    <message>
        <source>The mask could not be saved. Close anyway?</source>
        <translation>No se pudo guardar la máscara. ¿Cerrar de todos modos?</translation>
    </message>
    <message>
        <source>Choose a Series</source>
        <translation>Elija una serie</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <source>Open Workspace Folder</source>
        <translation>Abrir carpeta de espacio de trabajo</translation>
    </message>
    <message>
        <source>Open DICOM Series (folder or DICOMDIR folder)</source>
        <translation>Abrir serie DICOM (carpeta o carpeta con DICOMDIR)</translation>
    </message>
    <message>
        <source>Import DICOM: Choose the Folder to Import</source>
        <translation>Importar DICOM: elija la carpeta que importar</translation>
    </message>
    <message>
        <source>Import DICOM: Choose the Workspace</source>
        <translation>Importar DICOM: elija el espacio de trabajo</translation>
    </message>
    <message>
        <source>Import DICOM</source>
        <translation>Importar DICOM</translation>
    </message>
    <message>
        <source>Copy the DICOM files of %1 into %2?</source>
        <translation>¿Copiar los archivos DICOM de %1 en %2?</translation>
    </message>
    <message>
        <source>De-identify the copies (PS3.15 Annex E basic profile: names, IDs and dates replaced, UIDs remapped, private tags removed; text burned into the pixels is not checked)</source>
        <translation>Desidentificar las copias (perfil básico de PS3.15 anexo E: nombres, ID y fechas sustituidos, UID reasignados, etiquetas privadas eliminadas; el texto incrustado en los píxeles no se comprueba)</translation>
    </message>
    <message>
        <source> Review: %1%2 </source>
        <translation> Revisión: %1%2 </translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>En&amp;trenamiento</translation>
    </message>
    <message>
        <source>&amp;Fine-tune Current Model…</source>
        <translation>&amp;Ajustar el modelo actual…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Train from &amp;Scratch…</source>
        <translation>Entrenar desde &amp;cero…</translation>
    </message>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>&amp;Cancelar el entrenamiento</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source> · demo model, not for clinical use</source>
        <translation> · modelo de demostración, no apto para uso clínico</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>Open a workspace folder first: exports write its stored masks.</source>
        <translation>Abra primero una carpeta de espacio de trabajo: las exportaciones escriben sus máscaras guardadas.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Remove Last AI Assist &amp;Prompt</source>
        <translation>Quitar la última &amp;indicación del asistente IA</translation>
    </message>
    <message>
        <source>Propagate &amp;Forward</source>
        <translation>Propagar hacia &amp;delante</translation>
    </message>
    <message>
        <source>Propagate &amp;Backward</source>
        <translation>Propagar hacia &amp;atrás</translation>
    </message>
    <message>
        <source>Fine-tune &amp;AI Assist Model…</source>
        <translation>Ajustar el modelo del &amp;asistente IA…</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Reproducir / Pausa</translation>
    </message>
    <message>
        <source>Next &amp;Annotated Frame</source>
        <translation>Siguiente fotograma &amp;anotado</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>Previous Annotated Frame</source>
        <translation>Fotograma anotado anterior</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Next Frame to &amp;Review</source>
        <translation>Siguiente fotograma por &amp;revisar</translation>
    </message>
    <message>
        <source>Ctrl+Shift+PgDown</source>
        <translation>Ctrl+Shift+PgDown</translation>
    </message>
    <message>
        <source>Previous Frame to Review</source>
        <translation>Fotograma anterior por revisar</translation>
    </message>
    <message>
        <source>Ctrl+Shift+PgUp</source>
        <translation>Ctrl+Shift+PgUp</translation>
    </message>
    <message>
        <source> Frame %1/%2 · %3 </source>
        <translation> Fotograma %1/%2 · %3 </translation>
    </message>
    <message>
        <source> · not made for this image</source>
        <translation> · no hecho para esta imagen</translation>
    </message>
    <message>
        <source>&amp;Evaluate on Validation Split…</source>
        <translation>&amp;Evaluar en la partición de validación…</translation>
    </message>
    <message>
        <source>Open &amp;Team Workspace…</source>
        <translation>Abrir espacio de trabajo de &amp;equipo…</translation>
    </message>
    <message>
        <source>A&amp;greement Between Annotators…</source>
        <translation>&amp;Concordancia entre anotadores…</translation>
    </message>
    <message>
        <source>Open from &amp;PACS…</source>
        <translation>Abrir desde &amp;PACS…</translation>
    </message>
    <message>
        <source>Open which of these?</source>
        <translation>¿Cuál de estos abrir?</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
</context>
<context>
    <name>delineo::ui::MaskMenu</name>
    <message>
        <source>&amp;Mask</source>
        <translation>&amp;Máscara</translation>
    </message>
    <message>
        <source>&amp;Open Segmentation…</source>
        <translation>&amp;Abrir segmentación…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Open Segmentation</source>
        <translation>Abrir segmentación</translation>
    </message>
    <message>
        <source>Save Segmentation &amp;As…</source>
        <translation>Guardar segmentación &amp;como…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Save Segmentation As</source>
        <translation>Guardar segmentación como</translation>
    </message>
    <message>
        <source>Add Se&amp;gmentation…</source>
        <translation>A&amp;gregar segmentación…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <source>Add Segmentation</source>
        <translation>Agregar segmentación</translation>
    </message>
    <message>
        <source>&amp;Merge Class Into…</source>
        <translation>&amp;Fusionar clase en…</translation>
    </message>
    <message>
        <source>Cannot merge classes</source>
        <translation>No se pueden fusionar las clases</translation>
    </message>
    <message>
        <source>Open an image with at least two classes first.</source>
        <translation>Abra primero una imagen con al menos dos clases.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Merge Class Into</source>
        <translation>Fusionar clase en</translation>
    </message>
    <message>
        <source>Class whose voxels change:</source>
        <translation>Clase cuyos vóxeles cambian:</translation>
    </message>
    <message>
        <source>Class they become:</source>
        <translation>Clase en la que se convierten:</translation>
    </message>
    <message>
        <source>%1 merged into %2; slices changed: %3 (Ctrl+Z undoes).</source>
        <translation>%1 fusionada en %2; cortes cambiados: %3 (Ctrl+Z deshace).</translation>
    </message>
</context>
<context>
    <name>delineo::ui::MeasurementsPanel</name>
    <message>
        <source>Measurements</source>
        <translation>Mediciones</translation>
    </message>
    <message>
        <source>Shift+R</source>
        <translation>Shift+R</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Medición</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>Length or area</source>
        <translation>Longitud o área</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>off the planes</source>
        <translation>fuera de los planos</translation>
    </message>
    <message>
        <source>Slice %1</source>
        <translation>Corte %1</translation>
    </message>
    <message>
        <source>Coronal %1</source>
        <translation>Coronal %1</translation>
    </message>
    <message>
        <source>Sagittal %1</source>
        <translation>Sagital %1</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Ruler</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>Fotograma %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Mean ± SD</source>
        <translation>Media ± DE</translation>
    </message>
    <message>
        <source>Double-click: go to the measurement. F2: name it. Delete: remove the selected ones. Ctrl+C: copy them. Ctrl+Z: undo.</source>
        <translation>Doble clic: ir a la medición. F2: ponerle nombre. Supr: quitar las seleccionadas. Ctrl+C: copiarlas. Ctrl+Z: deshacer.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ModelsPanel</name>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Promover</translation>
    </message>
    <message>
        <source>Use the selected version from now on (the current one is kept)</source>
        <translation>Usar la versión seleccionada a partir de ahora (la actual se conserva)</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Return to the version that was active before the current one</source>
        <translation>Volver a la versión que estaba activa antes de la actual</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Comparar…</translation>
    </message>
    <message>
        <source>The selected and the active version&apos;s masks side by side on a validation image, with its ground truth</source>
        <translation>Las máscaras de la versión seleccionada y de la activa lado a lado en una imagen de validación, con su referencia</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Mean Dice</source>
        <translation>Dice medio</translation>
    </message>
    <message>
        <source>Dice: %1</source>
        <translation>Dice: %1</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Entrenado</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>v%1 %2%3</source>
        <translation>v%1 %2%3</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation> (activo)</translation>
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
        <translation>Clics hasta 0,90</translation>
    </message>
    <message>
        <source> · AI Assist</source>
        <translation> · asistente IA</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>Evaluar…</translation>
    </message>
    <message>
        <source>The selected version&apos;s six metrics per class on the validation split, with an HTML report</source>
        <translation>Las seis métricas por clase de la versión seleccionada en la partición de validación, con un informe HTML</translation>
    </message>
    <message>
        <source>Add from Job…</source>
        <translation>Añadir desde un trabajo…</translation>
    </message>
    <message>
        <source>Add the model a cluster trained from an exported job (Training → Fine-tune → Export Job for a Cluster): it is measured with its base on the validation split</source>
        <translation>Añade el modelo que un clúster entrenó a partir de un trabajo exportado (Entrenamiento → Ajuste fino → Exportar trabajo para un clúster): se mide con su base en la partición de validación</translation>
    </message>
    <message>
        <source>Add from Job: the Job&apos;s Folder</source>
        <translation>Añadir desde un trabajo: la carpeta del trabajo</translation>
    </message>
</context>
<context>
    <name>delineo::ui::PacsDialog</name>
    <message>
        <source>Open from PACS</source>
        <translation>Abrir desde PACS</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>PACS AE title:</source>
        <translation>Título AE del PACS:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>Our AE title:</source>
        <translation>Nuestro título AE:</translation>
    </message>
    <message>
        <source>Patient name (* and ? as wildcards)</source>
        <translation>Nombre del paciente (* y ? como comodines)</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID del paciente</translation>
    </message>
    <message>
        <source>YYYYMMDD</source>
        <translation>AAAAMMDD</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>Cualquier modalidad</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>hasta:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalidades</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>&amp;Retrieve Series</source>
        <translation>&amp;Recuperar serie</translation>
    </message>
    <message>
        <source>Copies the series into the open workspace (de-identified unless the workspace keeps identities) and opens it.</source>
        <translation>Copia la serie en el espacio de trabajo abierto (anonimizada salvo que el espacio conserve identidades) y la abre.</translation>
    </message>
    <message>
        <source>Send DICOM &amp;Files…</source>
        <translation>Enviar &amp;archivos DICOM…</translation>
    </message>
    <message>
        <source>Sends DICOM files to the PACS, such as a DICOM SEG export (File → Export…).</source>
        <translation>Envía archivos DICOM al PACS, como una exportación DICOM SEG (Archivo → Exportar…).</translation>
    </message>
    <message>
        <source>Send DICOM Files to the PACS</source>
        <translation>Enviar archivos DICOM al PACS</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm);;All files (*)</source>
        <translation>Archivos DICOM (*.dcm);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Estudios</translation>
    </message>
    <message>
        <source>Series of the chosen study</source>
        <translation>Series del estudio elegido</translation>
    </message>
    <message>
        <source>%1 answers.</source>
        <translation>%1 responde.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Choose a study and one of its series first.</source>
        <translation>Elija primero un estudio y una de sus series.</translation>
    </message>
    <message>
        <source>Open a workspace first: the series is copied into it.</source>
        <translation>Abra primero un espacio de trabajo: la serie se copia en él.</translation>
    </message>
    <message>
        <source>Retrieving into %1…</source>
        <translation>Recuperando en %1…</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n file(s)…</source>
        <translation>
            <numerusform>Enviando %n archivo…</numerusform>
            <numerusform>Enviando %n archivos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found.</source>
        <translation>
            <numerusform>%n estudio encontrado.</numerusform>
            <numerusform>%n estudios encontrados.</numerusform>
        </translation>
    </message>
    <message>
        <source>The PACS used before, most recent first.</source>
        <translation>Los PACS usados antes, el más reciente primero.</translation>
    </message>
    <message>
        <source>F&amp;orget</source>
        <translation>&amp;Olvidar</translation>
    </message>
    <message>
        <source>Takes the chosen PACS off this list.</source>
        <translation>Quita el PACS elegido de esta lista.</translation>
    </message>
    <message>
        <source>DICOM networking (C-FIND, C-GET)</source>
        <translation>Red DICOM (C-FIND, C-GET)</translation>
    </message>
    <message>
        <source>DICOMweb (QIDO-RS, WADO-RS)</source>
        <translation>DICOMweb (QIDO-RS, WADO-RS)</translation>
    </message>
    <message>
        <source>https://pacs.example.org/dicom-web (user:password@ before the host if it asks)</source>
        <translation>https://pacs.example.org/dicom-web (usuario:contraseña@ antes del host si lo pide)</translation>
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
        <translation>Vista ú&amp;nica</translation>
    </message>
    <message>
        <source>&amp;Three Planes in a Row</source>
        <translation>&amp;Tres planos en fila</translation>
    </message>
    <message>
        <source>Three Planes, &amp;2 x 2</source>
        <translation>Tres planos, &amp;2 x 2</translation>
    </message>
    <message>
        <source>&amp;Ruler (Shift+Drag: Area)</source>
        <translation>&amp;Regla (Mayús+arrastrar: área)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>&amp;Link Zoom of the Planes</source>
        <translation>&amp;Vincular el zoom de los planos</translation>
    </message>
    <message>
        <source>Smooth &amp;Between Slices</source>
        <translation>Suavizar &amp;entre cortes</translation>
    </message>
    <message>
        <source>Show &amp;Crosshair</source>
        <translation>Mostrar la cr&amp;uz</translation>
    </message>
    <message>
        <source>Alt+C</source>
        <translation>Alt+C</translation>
    </message>
    <message>
        <source>&amp;Enlarge the Active Plane</source>
        <translation>Ampliar el plano act&amp;ivo</translation>
    </message>
    <message>
        <source>Alt+0</source>
        <translation>Alt+0</translation>
    </message>
    <message>
        <source>Reslice Along the &amp;Patient&apos;s Axes</source>
        <translation>Reconstruir según los ejes del &amp;paciente</translation>
    </message>
    <message>
        <source>Coronal and sagittal planes of the patient, resampled from this oblique series; unticked, the series&apos; own planes</source>
        <translation>Planos coronal y sagital del paciente, remuestreados a partir de esta serie oblicua; sin marcar, los planos propios de la serie</translation>
    </message>
    <message>
        <source>This series lies along the patient&apos;s axes: its planes are the patient&apos;s.</source>
        <translation>Esta serie está alineada con los ejes del paciente: sus planos son los del paciente.</translation>
    </message>
    <message>
        <source>Open a C&amp;opy on the Patient&apos;s Axes…</source>
        <translation>Abrir una c&amp;opia en los ejes del paciente…</translation>
    </message>
    <message>
        <source>Resample this oblique series on the patient&apos;s axes, with its labels, into a NIfTI copy and open it: its axial view is a true axial plane. The original is unchanged.</source>
        <translation>Remuestrear esta serie oblicua en los ejes del paciente, con sus etiquetas, en una copia NIfTI y abrirla: su vista axial es un plano axial verdadero. El original no cambia.</translation>
    </message>
    <message>
        <source>Copy on the Patient&apos;s Axes</source>
        <translation>Copia en los ejes del paciente</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz)</source>
        <translation>NIfTI (*.nii.gz)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>   label %1</source>
        <translation>   clase %1</translation>
    </message>
    <message>
        <source>
mean %1 ± %2%3 (%4 to %5), %6 px</source>
        <translation>
media %1 ± %2%3 (%4 a %5), %6 px</translation>
    </message>
    <message>
        <source>Remove &amp;Last Measurement</source>
        <translation>Quitar la ú&amp;ltima medición</translation>
    </message>
    <message>
        <source>Shift+M</source>
        <translation>Shift+M</translation>
    </message>
    <message>
        <source>Removes the newest ruler or outline on the slice of the view you work in</source>
        <translation>Quita la regla o el contorno más reciente del corte de la vista en la que trabaja</translation>
    </message>
    <message>
        <source>No measurement on this slice</source>
        <translation>No hay mediciones en este corte</translation>
    </message>
    <message>
        <source>Show &amp;Measurements</source>
        <translation>Mostrar &amp;mediciones</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Drag to measure a distance, Shift+drag to outline an area; drag a ruler&apos;s end to move it, double-click one to name it</source>
        <translation>Arrastre para medir una distancia, Mayús+arrastre para contornear un área; arrastre el extremo de una regla para moverlo, doble clic para ponerle nombre</translation>
    </message>
</context>
<context>
    <name>delineo::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Como el sistema (%1)</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Delineo.</source>
        <translation>El nuevo idioma se usará a partir del próximo inicio de Delineo.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Decoded frames a long video keeps in memory for scrolling and playback</source>
        <translation>Fotogramas decodificados que un vídeo largo guarda en memoria para desplazarse y reproducir</translation>
    </message>
    <message>
        <source>&amp;Video frame cache:</source>
        <translation>Caché de fotogramas de &amp;vídeo:</translation>
    </message>
    <message>
        <source>Recorded with every revision, review, comment, model version and training run (empty: your login)</source>
        <translation>Se registra con cada revisión, revisión clínica, comentario, versión de modelo y entrenamiento (vacío: su usuario)</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <source>Prepare fast-seeking copies of videos whose keyframes lie far apart</source>
        <translation>Preparar copias de búsqueda rápida de los vídeos cuyos fotogramas clave están muy separados</translation>
    </message>
    <message>
        <source>Written in the background on opening such a video, kept in %1; jumps along the timeline then decode at most 12 frames</source>
        <translation>Se escribe en segundo plano al abrir un vídeo así y se guarda en %1; los saltos en la línea de tiempo decodifican después como mucho 12 fotogramas</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Disk the copies may take; the least recently used go first</source>
        <translation>Espacio en disco que pueden ocupar las copias; las usadas hace más tiempo se borran primero</translation>
    </message>
    <message>
        <source>Fast-seeking &amp;copies up to:</source>
        <translation>&amp;Copias de búsqueda rápida hasta:</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>Reset to Default</source>
        <translation>Restablecer el predeterminado</translation>
    </message>
    <message>
        <source>Select an action, press the new keys, then Assign.</source>
        <translation>Seleccione una acción, pulse las teclas nuevas y luego Asignar.</translation>
    </message>
    <message>
        <source>New shortcut:</source>
        <translation>Atajo nuevo:</translation>
    </message>
    <message>
        <source>(menu only)</source>
        <translation>(solo menú)</translation>
    </message>
    <message>
        <source>%1 is already the shortcut of %2.</source>
        <translation>%1 ya es el atajo de %2.</translation>
    </message>
    <message>
        <source>Select an action first.</source>
        <translation>Seleccione primero una acción.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 es ahora %2.</translation>
    </message>
    <message>
        <source>menu only</source>
        <translation>solo menú</translation>
    </message>
</context>
<context>
    <name>delineo::ui::StructuresPanel</name>
    <message>
        <source>Structures</source>
        <translation>Estructuras</translation>
    </message>
    <message>
        <source>Shift+V</source>
        <translation>Shift+V</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volumen (mL)</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Cortes</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Piezas</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Contorno</translation>
    </message>
    <message>
        <source>This class&apos;s opacity, on top of the overlay&apos;s</source>
        <translation>Opacidad de esta clase, además de la de la superposición</translation>
    </message>
    <message>
        <source>Draw this class as an outline instead of filled</source>
        <translation>Dibujar esta clase como contorno en lugar de rellena</translation>
    </message>
    <message>
        <source>Area (mm²)</source>
        <translation>Área (mm²)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>%1 voxels</source>
        <translation>%1 vóxeles</translation>
    </message>
    <message>
        <source>Area (pixels)</source>
        <translation>Área (píxeles)</translation>
    </message>
    <message>
        <source>Mean ± SD</source>
        <translation>Media ± DE</translation>
    </message>
    <message>
        <source>Values from %1 to %2</source>
        <translation>Valores de %1 a %2</translation>
    </message>
    <message>
        <source>The frame shown: its area per class and the number of separate pieces in it. Ctrl+C copies the figures.</source>
        <translation>El fotograma mostrado: su área por clase y el número de piezas separadas en él. Ctrl+C copia las cifras.</translation>
    </message>
    <message>
        <source>Pieces: connected parts in 3D. Volumes come from the pixel spacing and the distance between slices; the same figures as delineo-cli stats. Double-click a class to go to its largest piece. Ctrl+C copies the figures.</source>
        <translation>Piezas: partes conectadas en 3D. Los volúmenes salen del espaciado de píxel y de la distancia entre cortes; las mismas cifras que delineo-cli stats. Un doble clic en una clase lleva a su pieza más grande. Ctrl+C copia las cifras.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::TeamWorkspaceDialog</name>
    <message>
        <source>Open Team Workspace</source>
        <translation>Abrir espacio de trabajo de equipo</translation>
    </message>
    <message>
        <source>A team workspace lives in a PostgreSQL database that every member opens at once. Give its address as &lt;b&gt;postgresql://host/database&lt;/b&gt; (with &lt;i&gt;user@&lt;/i&gt; and &lt;i&gt;:port&lt;/i&gt; if needed). Keep the password in ~/.pgpass rather than in the address.</source>
        <translation>Un espacio de trabajo de equipo vive en una base de datos PostgreSQL que todos los miembros abren a la vez. Indique su dirección como &lt;b&gt;postgresql://servidor/base_de_datos&lt;/b&gt; (con &lt;i&gt;usuario@&lt;/i&gt; y &lt;i&gt;:puerto&lt;/i&gt; si hace falta). Guarde la contraseña en ~/.pgpass, no en la dirección.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ToolOptionsPanel</name>
    <message>
        <source>Tool Options</source>
        <translation>Opciones de la herramienta</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Redondo</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Cuadrado</translation>
    </message>
    <message>
        <source>Radius:</source>
        <translation>Radio:</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>Forma:</translation>
    </message>
    <message>
        <source>Paint where intensity ≥</source>
        <translation>Pintar donde la intensidad ≥</translation>
    </message>
    <message>
        <source>and ≤</source>
        <translation>y ≤</translation>
    </message>
    <message>
        <source>Overwrite other classes</source>
        <translation>Sobrescribir otras clases</translation>
    </message>
    <message>
        <source>Off: tools change only unlabelled pixels (and erase only the active class)</source>
        <translation>Desactivado: las herramientas cambian solo píxeles sin etiqueta (y borran solo la clase activa)</translation>
    </message>
    <message>
        <source>Mask menu</source>
        <translation>Menú de máscara</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <source>Smallest island kept:</source>
        <translation>Isla más pequeña conservada:</translation>
    </message>
    <message>
        <source>Smoothing radius:</source>
        <translation>Radio de suavizado:</translation>
    </message>
</context>
<context>
    <name>delineo::ui::TrainingPanel</name>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>No training running. Training → Fine-tune Current Model… starts one.</source>
        <translation>No hay ningún entrenamiento en curso. Entrenamiento → Ajustar el modelo actual… inicia uno.</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>Cancelar el entrenamiento</translation>
    </message>
    <message>
        <source>Training loss and validation Dice per class</source>
        <translation>Pérdida de entrenamiento y Dice de validación por clase</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>pérdida de entrenamiento</translation>
    </message>
    <message>
        <source>val Dice: %1</source>
        <translation>Dice de val.: %1</translation>
    </message>
</context>
<context>
    <name>delineo::vm::AssistController</name>
    <message>
        <source>The interactive model %1 cannot be used: %2</source>
        <translation>No se puede usar el modelo interactivo %1: %2</translation>
    </message>
    <message>
        <source>AI Assist is not available</source>
        <translation>El asistente IA no está disponible</translation>
    </message>
    <message>
        <source>No interactive model is installed (resources/models has none).</source>
        <translation>No hay ningún modelo interactivo instalado (resources/models no tiene ninguno).</translation>
    </message>
    <message>
        <source>No interactive model is loaded.</source>
        <translation>No hay ningún modelo interactivo cargado.</translation>
    </message>
    <message>
        <source>AI Assist failed</source>
        <translation>Falló el asistente IA</translation>
    </message>
    <message>
        <source>AI Assist (%1)</source>
        <translation>Asistente IA (%1)</translation>
    </message>
    <message>
        <source>AI Assist result accepted. Undo (Ctrl+Z) restores the previous mask.</source>
        <translation>Resultado del asistente IA aceptado. Deshacer (Ctrl+Z) restaura la máscara anterior.</translation>
    </message>
    <message>
        <source>Cannot propagate</source>
        <translation>No se puede propagar</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>Abra primero una imagen.</translation>
    </message>
    <message>
        <source>There is no further frame or slice in this direction.</source>
        <translation>No hay más fotogramas ni cortes en esta dirección.</translation>
    </message>
    <message>
        <source>The active class is empty on this slice: draw or prompt it first.</source>
        <translation>La clase activa está vacía en este corte: dibújela o indíquela primero.</translation>
    </message>
    <message>
        <source>Propagating</source>
        <translation>Propagando</translation>
    </message>
    <message numerus="yes">
        <source>Propagated to %n frame(s), each waiting as a preview: Ctrl+Enter accepts all (one undo step per frame), Enter or Esc decides one.</source>
        <translation>
            <numerusform>Propagado a %n fotograma, que espera como vista previa: Ctrl+Intro acepta todos (un paso de deshacer por fotograma), Intro o Esc decide uno.</numerusform>
            <numerusform>Propagado a %n fotogramas, cada uno como vista previa: Ctrl+Intro acepta todos (un paso de deshacer por fotograma), Intro o Esc decide uno.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped where the model&apos;s confidence fell to %1.</source>
        <translation>Se detuvo donde la confianza del modelo bajó a %1.</translation>
    </message>
    <message>
        <source>AI Assist (%1, %2 plane %3)</source>
        <translation>Asistente de IA (%1, plano %2 %3)</translation>
    </message>
    <message>
        <source>coronal</source>
        <translation>coronal</translation>
    </message>
    <message>
        <source>sagittal</source>
        <translation>sagital</translation>
    </message>
</context>
<context>
    <name>delineo::vm::CopySliceOperation</name>
    <message>
        <source>Copy Class from &amp;Previous Slice</source>
        <translation>Copiar la clase del corte &amp;anterior</translation>
    </message>
    <message>
        <source>Copy Class from &amp;Next Slice</source>
        <translation>Copiar la clase del corte &amp;siguiente</translation>
    </message>
    <message>
        <source>There is no slice there to copy from.</source>
        <translation>No hay ningún corte del que copiar.</translation>
    </message>
    <message>
        <source>Copy class from slice %1</source>
        <translation>Copiar la clase del corte %1</translation>
    </message>
</context>
<context>
    <name>delineo::vm::DocumentController</name>
    <message>
        <source>Everything Delineo opens (%1)</source>
        <translation>Todo lo que Delineo abre (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>No se puede abrir el espacio de trabajo</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 no es una carpeta.</translation>
    </message>
    <message>
        <source>Loading case</source>
        <translation>Cargando el caso</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>Cargando %1</translation>
    </message>
    <message>
        <source>Cannot open image</source>
        <translation>No se puede abrir la imagen</translation>
    </message>
    <message>
        <source>Cannot open series</source>
        <translation>No se puede abrir la serie</translation>
    </message>
    <message>
        <source>No DICOM images found in %1.</source>
        <translation>No se encontraron imágenes DICOM en %1.</translation>
    </message>
    <message>
        <source>Loading series</source>
        <translation>Cargando la serie</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>No se puede importar</translation>
    </message>
    <message>
        <source>Importing DICOM</source>
        <translation>Importando DICOM</translation>
    </message>
    <message>
        <source> %1 failed: %2</source>
        <translation> %1 fallaron: %2</translation>
    </message>
    <message>
        <source>  slice %1/%2</source>
        <translation>  corte %1/%2</translation>
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
        <translation>   valor %1</translation>
    </message>
    <message>
        <source>Frame %1 cannot be decoded: %2</source>
        <translation>El fotograma %1 no se puede decodificar: %2</translation>
    </message>
    <message>
        <source>  frame %1/%2</source>
        <translation>  fotograma %1/%2</translation>
    </message>
    <message>
        <source>  loc %1 mm</source>
        <translation>  pos. %1 mm</translation>
    </message>
    <message>
        <source>x %1  y %2  slice %3</source>
        <translation>x %1  y %2  corte %3</translation>
    </message>
    <message numerus="yes">
        <source>The %n picture(s) in this folder, as a workspace</source>
        <translation>
            <numerusform>La %n imagen de esta carpeta, como espacio de trabajo</numerusform>
            <numerusform>Las %n imágenes de esta carpeta, como espacio de trabajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 — %n image(s), %3 x %4</source>
        <translation>
            <numerusform>%1 %2 — %n imagen, %3 x %4</numerusform>
            <numerusform>%1 %2 — %n imágenes, %3 x %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>De-identified %n DICOM file(s) into %1.</source>
        <translation>
            <numerusform>Se desidentificó %n archivo DICOM en %1.</numerusform>
            <numerusform>Se desidentificaron %n archivos DICOM en %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n DICOM file(s) into %1.</source>
        <translation>
            <numerusform>Se copió %n archivo DICOM en %1.</numerusform>
            <numerusform>Se copiaron %n archivos DICOM en %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::EditingController</name>
    <message>
        <source>%1 (%2 plane %3)</source>
        <translation>%1 (plano %2 %3)</translation>
    </message>
    <message>
        <source>coronal</source>
        <translation>coronal</translation>
    </message>
    <message>
        <source>sagittal</source>
        <translation>sagital</translation>
    </message>
    <message>
        <source>That edit spans several slices and one of them has a later edit: undo that first.</source>
        <translation>Esa edición abarca varios cortes y uno tiene una edición posterior: deshágala primero.</translation>
    </message>
    <message>
        <source>That edit spans several slices and one of them was edited since: it cannot be redone.</source>
        <translation>Esa edición abarca varios cortes y uno se editó después: no se puede rehacer.</translation>
    </message>
    <message>
        <source>Merge class %1 into %2</source>
        <translation>Fusionar clase %1 en %2</translation>
    </message>
</context>
<context>
    <name>delineo::vm::EvaluationController</name>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Cannot evaluate</source>
        <translation>No se puede evaluar</translation>
    </message>
    <message>
        <source>Open a workspace folder first: the validation split is the workspace&apos;s.</source>
        <translation>Abra primero una carpeta de espacio de trabajo: la partición de validación es del espacio de trabajo.</translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation>v%1 (%2)</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>No hay ningún modelo cargado.</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>Evaluando</translation>
    </message>
    <message>
        <source>%1 on %2 validation slices: mean Dice %3.</source>
        <translation>%1 en %2 cortes de validación: Dice medio %3.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::ExportController</name>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>Open a workspace folder with masks first.</source>
        <translation>Abra primero una carpeta de espacio de trabajo con máscaras.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) failed:</source>
        <translation>
            <numerusform>%n archivo falló:</numerusform>
            <numerusform>%n archivos fallaron:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: wrote %2 of %3 to %4.</source>
        <translation>%1: se escribieron %2 de %3 en %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n máscara</numerusform>
            <numerusform>%n máscaras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n imagen</numerusform>
            <numerusform>%n imágenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s)</source>
        <translation>
            <numerusform>%n medida</numerusform>
            <numerusform>%n medidas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::FastSeekController</name>
    <message>
        <source>Preparing fast seeking</source>
        <translation>Preparando la búsqueda rápida</translation>
    </message>
    <message>
        <source>Fast seeking could not be prepared for %1: %2</source>
        <translation>No se pudo preparar la búsqueda rápida para %1: %2</translation>
    </message>
    <message>
        <source>Fast seeking ready for %1: a jump decodes at most 12 frames now.</source>
        <translation>Búsqueda rápida lista para %1: un salto decodifica ahora como mucho 12 fotogramas.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::FillHoles3DOperation</name>
    <message>
        <source>Fill Holes in &amp;3D</source>
        <translation>Rellenar huecos en &amp;3D</translation>
    </message>
    <message>
        <source>The class encloses no cavity in 3D.</source>
        <translation>La clase no encierra ninguna cavidad en 3D.</translation>
    </message>
    <message>
        <source>Fill holes in 3D</source>
        <translation>Rellenar huecos en 3D</translation>
    </message>
</context>
<context>
    <name>delineo::vm::FillHolesOperation</name>
    <message>
        <source>Fill &amp;Holes</source>
        <translation>Rellenar &amp;huecos</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>Rellenar huecos</translation>
    </message>
</context>
<context>
    <name>delineo::vm::InterpolateOperation</name>
    <message>
        <source>&amp;Interpolate Class Between Slices</source>
        <translation>&amp;Interpolar la clase entre cortes</translation>
    </message>
    <message>
        <source>Draw the class on one of the %1 before and after this one, then interpolate.</source>
        <translation>Dibuje la clase en uno de los %1 antes y después de este y luego interpole.</translation>
    </message>
    <message>
        <source>Interpolated %1 of the %2 between %3 and %4.</source>
        <translation>Interpolados %1 de los %2 entre %3 y %4.</translation>
    </message>
    <message>
        <source>Interpolate between %1 %2 and %3</source>
        <translation>Interpolar entre %1 %2 y %3</translation>
    </message>
</context>
<context>
    <name>delineo::vm::JobRunner</name>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
</context>
<context>
    <name>delineo::vm::LabelImportController</name>
    <message>
        <source>Segmentations (*.nii *.nii.gz *.nrrd *.seg.nrrd *.nhdr *.dcm *.png *.tif *.tiff *.bmp);;All files (*)</source>
        <translation>Segmentaciones (*.nii *.nii.gz *.nrrd *.seg.nrrd *.nhdr *.dcm *.png *.tif *.tiff *.bmp);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot open segmentation</source>
        <translation>No se puede abrir la segmentación</translation>
    </message>
    <message>
        <source>Open the image it belongs to first.</source>
        <translation>Abra primero la imagen a la que pertenece.</translation>
    </message>
    <message>
        <source>Open segmentation %1</source>
        <translation>Abrir segmentación %1</translation>
    </message>
    <message>
        <source>%1 opened; slices changed: %2 (Ctrl+Z undoes).</source>
        <translation>%1 abierto; cortes cambiados: %2 (Ctrl+Z deshace).</translation>
    </message>
    <message>
        <source>Classes added: %1.</source>
        <translation>Clases añadidas: %1.</translation>
    </message>
    <message>
        <source>Its class names are not kept: open the image&apos;s folder as a workspace (Ctrl+Shift+O) to keep them.</source>
        <translation>Sus nombres de clase no se guardan: abra la carpeta de la imagen como espacio de trabajo (Ctrl+Mayús+O) para guardarlos.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>%1 was not applied: another image is open now.</source>
        <translation>%1 no se aplicó: ahora hay otra imagen abierta.</translation>
    </message>
    <message>
        <source>Reading segmentation</source>
        <translation>Leyendo la segmentación</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz);;NRRD (*.nrrd);;DICOM SEG (*.dcm);;PNG of the slice shown (*.png)</source>
        <translation>NIfTI (*.nii.gz);;NRRD (*.nrrd);;DICOM SEG (*.dcm);;PNG del corte mostrado (*.png)</translation>
    </message>
    <message>
        <source>Cannot save segmentation</source>
        <translation>No se puede guardar la segmentación</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>Abra primero una imagen.</translation>
    </message>
    <message>
        <source>A video&apos;s masks are saved frame by frame: choose PNG, or use File → Export…</source>
        <translation>Las máscaras de un vídeo se guardan fotograma a fotograma: elija PNG o use Archivo → Exportar…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Escribiendo %1…</translation>
    </message>
    <message>
        <source>Segmentation saved to %1.</source>
        <translation>Segmentación guardada en %1.</translation>
    </message>
    <message>
        <source>Saving segmentation</source>
        <translation>Guardando la segmentación</translation>
    </message>
    <message>
        <source>Add segmentation %1</source>
        <translation>Agregar segmentación %1</translation>
    </message>
    <message>
        <source>%1 added over the labels; slices changed: %2 (Ctrl+Z undoes).</source>
        <translation>%1 agregado sobre las etiquetas; cortes cambiados: %2 (Ctrl+Z deshace).</translation>
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
        <translation>Ninguna medida que deshacer</translation>
    </message>
    <message>
        <source>No measurement to redo</source>
        <translation>Ninguna medida que rehacer</translation>
    </message>
    <message>
        <source>Draw Outline</source>
        <translation>Dibujar contorno</translation>
    </message>
    <message>
        <source>Draw Ruler</source>
        <translation>Dibujar regla</translation>
    </message>
    <message>
        <source>Remove Outline</source>
        <translation>Quitar contorno</translation>
    </message>
    <message>
        <source>Remove Ruler</source>
        <translation>Quitar regla</translation>
    </message>
    <message>
        <source>Move Ruler End</source>
        <translation>Mover extremo de la regla</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Deshacer %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Rehacer %1</translation>
    </message>
    <message>
        <source>Rename Outline</source>
        <translation>Renombrar contorno</translation>
    </message>
    <message>
        <source>Rename Ruler</source>
        <translation>Renombrar regla</translation>
    </message>
</context>
<context>
    <name>delineo::vm::MultiplanarController</name>
    <message>
        <source>Sagittal</source>
        <translation>Sagital</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Coronal</translation>
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
        <translation>Las vistas coronal y sagital necesitan un volumen de varios cortes.</translation>
    </message>
    <message>
        <source>Coronal and sagittal views are for grey-level volumes, not for video or colour frames.</source>
        <translation>Las vistas coronal y sagital son para volúmenes en escala de grises, no para vídeo ni fotogramas en color.</translation>
    </message>
    <message>
        <source>These slices are a sample with gaps between them: coronal and sagittal views would join slices that are not neighbours.</source>
        <translation>Estos cortes son una muestra con huecos entre ellos: las vistas coronal y sagital unirían cortes que no son vecinos.</translation>
    </message>
    <message>
        <source>%1 %2/%3
(resampled)</source>
        <translation>%1 %2/%3
(remuestreado)</translation>
    </message>
</context>
<context>
    <name>delineo::vm::Notices</name>
    <message>
        <source>Another task is running (%1): try again when it has finished.</source>
        <translation>Hay otra tarea en curso (%1): vuelva a intentarlo cuando termine.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::PacsController</name>
    <message>
        <source>This client&apos;s AE title must have 1 to 16 characters.</source>
        <translation>El título AE de este cliente debe tener de 1 a 16 caracteres.</translation>
    </message>
    <message>
        <source>Searching %1</source>
        <translation>Buscando en %1</translation>
    </message>
    <message>
        <source>Listing series</source>
        <translation>Listando series</translation>
    </message>
    <message>
        <source>Open from PACS</source>
        <translation>Abrir desde PACS</translation>
    </message>
    <message>
        <source>Open a workspace first: the series is copied into it.</source>
        <translation>Abra primero un espacio de trabajo: la serie se copia en él.</translation>
    </message>
    <message>
        <source>Retrieving from %1</source>
        <translation>Recuperando de %1</translation>
    </message>
    <message>
        <source> %1 failed: %2</source>
        <translation> %1 fallaron: %2</translation>
    </message>
    <message>
        <source>Sending to %1</source>
        <translation>Enviando a %1</translation>
    </message>
    <message>
        <source>Searching studies</source>
        <translation>Buscando estudios</translation>
    </message>
    <message>
        <source>Listing the study&apos;s series</source>
        <translation>Listando las series del estudio</translation>
    </message>
    <message>
        <source>This computer has the series already: opened.</source>
        <translation>Este equipo ya tiene la serie: abierta.</translation>
    </message>
    <message>
        <source>This series of the team workspace is on the PACS (%1): retrieving it.</source>
        <translation>Esta serie del espacio de trabajo del equipo está en el PACS (%1): recuperándola.</translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %1 of %n image(s)</source>
        <translation>
            <numerusform>Recuperadas %1 de %n imagen</numerusform>
            <numerusform>Recuperadas %1 de %n imágenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s)</source>
        <translation>
            <numerusform>Recuperada %n imagen</numerusform>
            <numerusform>Recuperadas %n imágenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved and de-identified %n image(s) into %1.</source>
        <translation>
            <numerusform>Recuperada y anonimizada %n imagen en %1.</numerusform>
            <numerusform>Recuperadas y anonimizadas %n imágenes en %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s) into %1.</source>
        <translation>
            <numerusform>Recuperada %n imagen en %1.</numerusform>
            <numerusform>Recuperadas %n imágenes en %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s) for the team workspace: every member sees the series in the list and retrieves it on opening.</source>
        <translation>
            <numerusform>Se recuperó %n imagen para el espacio de trabajo del equipo: cada miembro ve la serie en la lista y la recupera al abrirla.</numerusform>
            <numerusform>Se recuperaron %n imágenes para el espacio de trabajo del equipo: cada miembro ve la serie en la lista y la recupera al abrirla.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 of %n file(s)</source>
        <translation>
            <numerusform>Enviados %1 de %n archivo</numerusform>
            <numerusform>Enviados %1 de %n archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 of %n file(s) to %2.</source>
        <translation>
            <numerusform>Enviados %1 de %n archivo a %2.</numerusform>
            <numerusform>Enviados %1 de %n archivos a %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::PatientAxesCopy</name>
    <message>
        <source>Cannot make a copy on the patient&apos;s axes</source>
        <translation>No se puede crear una copia en los ejes del paciente</translation>
    </message>
    <message>
        <source>Open an oblique series first: one that lies along the patient&apos;s axes needs no copy.</source>
        <translation>Abra primero una serie oblicua: una que sigue los ejes del paciente no necesita copia.</translation>
    </message>
    <message>
        <source>Resampling on the patient&apos;s axes…</source>
        <translation>Remuestreando en los ejes del paciente…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Escribiendo %1…</translation>
    </message>
    <message>
        <source>The copy was written to %1 but could not be opened.</source>
        <translation>La copia se escribió en %1 pero no se pudo abrir.</translation>
    </message>
    <message>
        <source>A copy on the patient&apos;s axes: %1 (the original is unchanged).</source>
        <translation>Una copia en los ejes del paciente: %1 (el original no cambia).</translation>
    </message>
    <message>
        <source>Copy on the patient&apos;s axes</source>
        <translation>Copia en los ejes del paciente</translation>
    </message>
    <message>
        <source>Choose another name: the copy would replace the series it is made from.</source>
        <translation>Elija otro nombre: la copia reemplazaría la serie de la que se hace.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::PlaybackController</name>
    <message>
        <source>No annotated frame before this one.</source>
        <translation>No hay ningún fotograma anotado antes de este.</translation>
    </message>
    <message>
        <source>No annotated frame after this one.</source>
        <translation>No hay ningún fotograma anotado después de este.</translation>
    </message>
    <message>
        <source>No frame before this one waits for review.</source>
        <translation>Ningún fotograma anterior a este espera revisión.</translation>
    </message>
    <message>
        <source>No frame after this one waits for review.</source>
        <translation>Ningún fotograma posterior a este espera revisión.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::PreviewController</name>
    <message>
        <source>Cannot load model</source>
        <translation>No se puede cargar el modelo</translation>
    </message>
    <message>
        <source>Using the %1 model for this image.</source>
        <translation>Se usa el modelo %1 para esta imagen.</translation>
    </message>
    <message>
        <source>Cannot run model</source>
        <translation>No se puede ejecutar el modelo</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>Abra primero una imagen.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>No hay ningún modelo cargado.</translation>
    </message>
    <message>
        <source>Segmenting</source>
        <translation>Segmentando</translation>
    </message>
    <message>
        <source>AI result shown as outlines: Enter accepts, Shift+Enter accepts the active class only, Esc rejects. Your own labels are kept.</source>
        <translation>Resultado de la IA como contornos: Intro acepta, Mayús+Intro acepta solo la clase activa, Esc rechaza. Sus propias etiquetas se conservan.</translation>
    </message>
    <message>
        <source>Segmenting all slices</source>
        <translation>Segmentando todos los cortes</translation>
    </message>
    <message>
        <source>Accept AI result (%1)</source>
        <translation>Aceptar el resultado de la IA (%1)</translation>
    </message>
    <message>
        <source>AI segmentation</source>
        <translation>Segmentación por IA</translation>
    </message>
    <message>
        <source>AI result accepted. Undo (Ctrl+Z) restores the previous mask.</source>
        <translation>Resultado de la IA aceptado. Deshacer (Ctrl+Z) restaura la máscara anterior.</translation>
    </message>
    <message>
        <source>The model ran on all %1 frames and found something on %2: they wait as outlines and marks on the timeline (Ctrl+Shift+PgDown goes to the next one).</source>
        <translation>El modelo se ejecutó en los %1 fotogramas y encontró algo en %2: esperan como contornos y marcas en la línea de tiempo (Ctrl+Mayús+AvPág va al siguiente).</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>en color</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>en escala de grises</translation>
    </message>
    <message>
        <source>No model is made for this %1 image: Run Model is off (Model → Load Model… picks one).</source>
        <translation>Ningún modelo está hecho para esta imagen %1: Ejecutar modelo está desactivado (Modelo → Cargar modelo… elige uno).</translation>
    </message>
    <message>
        <source>No model is made for this %1 image. Load one with Model → Load Model….</source>
        <translation>Ningún modelo está hecho para esta imagen %1. Cargue uno con Modelo → Cargar modelo….</translation>
    </message>
    <message>
        <source>The model reads axial slices: it runs on all %1 of them to fill the coronal view.</source>
        <translation>El modelo lee cortes axiales: se ejecuta en los %1 para llenar la vista coronal.</translation>
    </message>
    <message>
        <source>The model reads axial slices: it runs on all %1 of them to fill the sagittal view.</source>
        <translation>El modelo lee cortes axiales: se ejecuta en los %1 para llenar la vista sagital.</translation>
    </message>
    <message>
        <source>Accepting AI results</source>
        <translation>Aceptando resultados de IA</translation>
    </message>
    <message>
        <source>The model found none of its classes on this slice.</source>
        <translation>El modelo no encontró ninguna de sus clases en este corte.</translation>
    </message>
    <message>
        <source>The AI result changed nothing on this slice.</source>
        <translation>El resultado de la IA no cambió nada en este corte.</translation>
    </message>
    <message numerus="yes">
        <source>AI results on %n slice(s) wait as outlines: Ctrl+Enter accepts all, Enter this slice, Esc rejects this slice.</source>
        <translation>
            <numerusform>Los resultados de la IA en %n corte esperan como contornos: Ctrl+Intro acepta todos, Intro este corte, Esc rechaza este corte.</numerusform>
            <numerusform>Los resultados de la IA en %n cortes esperan como contornos: Ctrl+Intro acepta todos, Intro este corte, Esc rechaza este corte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AI results accepted on %n slice(s) (each undoable on its slice).</source>
        <translation>
            <numerusform>Resultados de la IA aceptados en %n corte (cada uno se puede deshacer en su corte).</numerusform>
            <numerusform>Resultados de la IA aceptados en %n cortes (cada uno se puede deshacer en su corte).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept All cancelled: AI results accepted on %1 of %n slice(s); the others still wait.</source>
        <translation>
            <numerusform>Aceptar todo cancelado: resultados de IA aceptados en %1 de %n corte; los demás siguen pendientes.</numerusform>
            <numerusform>Aceptar todo cancelado: resultados de IA aceptados en %1 de %n cortes; los demás siguen pendientes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::RemoveIslands3DOperation</name>
    <message>
        <source>Remove Small Islands in 3&amp;D</source>
        <translation>Quitar islas pequeñas en 3&amp;D</translation>
    </message>
    <message>
        <source>No 3D piece of the class is smaller than %1 voxels.</source>
        <translation>Ninguna pieza 3D de la clase es menor de %1 vóxeles.</translation>
    </message>
    <message>
        <source>Remove islands under %1 voxels in 3D</source>
        <translation>Quitar islas de menos de %1 vóxeles en 3D</translation>
    </message>
</context>
<context>
    <name>delineo::vm::RemoveIslandsOperation</name>
    <message>
        <source>Remove Small &amp;Islands</source>
        <translation>Eliminar &amp;islas pequeñas</translation>
    </message>
    <message>
        <source>Remove small islands</source>
        <translation>Eliminar islas pequeñas</translation>
    </message>
</context>
<context>
    <name>delineo::vm::ReviewController</name>
    <message>
        <source>Cannot save mask</source>
        <translation>No se puede guardar la máscara</translation>
    </message>
    <message>
        <source>Nothing to save: no changes.</source>
        <translation>Nada que guardar: no hay cambios.</translation>
    </message>
    <message>
        <source>Slice %1 approved.</source>
        <translation>Corte %1 aprobado.</translation>
    </message>
    <message>
        <source>Slice %1 rejected.</source>
        <translation>Corte %1 rechazado.</translation>
    </message>
    <message>
        <source>Workspace database: %1</source>
        <translation>Base de datos del espacio de trabajo: %1</translation>
    </message>
    <message>
        <source>Every file in this workspace has been reviewed.</source>
        <translation>Todos los archivos de este espacio de trabajo están revisados.</translation>
    </message>
    <message>
        <source>Cannot rank</source>
        <translation>No se puede ordenar</translation>
    </message>
    <message>
        <source>Open a workspace folder and load a model first.</source>
        <translation>Abra primero una carpeta de espacio de trabajo y cargue un modelo.</translation>
    </message>
    <message>
        <source>Ranking by uncertainty</source>
        <translation>Ordenando por incertidumbre</translation>
    </message>
    <message>
        <source>Ranked %1 unreviewed files by model uncertainty; Shift+N opens the most uncertain.</source>
        <translation>Se ordenaron %1 archivos no revisados por incertidumbre del modelo; Mayús+N abre el más incierto.</translation>
    </message>
    <message>
        <source>No ranked file left to review: Review → Rank Unreviewed by Model Uncertainty.</source>
        <translation>No quedan archivos ordenados por revisar: Revisión → Ordenar los no revisados por incertidumbre del modelo.</translation>
    </message>
    <message>
        <source>The workspace store cannot be opened in %1: %2</source>
        <translation>No se puede abrir el almacén del espacio de trabajo en %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n slice(s) to the workspace store in %1</source>
        <translation>
            <numerusform>%n corte guardado en el almacén del espacio de trabajo en %1</numerusform>
            <numerusform>%n cortes guardados en el almacén del espacio de trabajo en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No workspace store: %1</source>
        <translation>Sin almacén del espacio de trabajo: %1</translation>
    </message>
    <message>
        <source>Workspace database</source>
        <translation>Base de datos del espacio de trabajo</translation>
    </message>
    <message>
        <source>Cannot open the team workspace</source>
        <translation>No se puede abrir el espacio de trabajo de equipo</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>borrador de IA</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corregido</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>%1  %2  by %3</source>
        <translation>%1  %2  por %3</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(no registrado)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is editing this case (for %n more minute(s)): your edits are kept as your own revisions beside theirs.</source>
        <translation>
            <numerusform>%1 está editando este caso (durante %n minuto más): sus cambios se guardan como revisiones propias junto a las suyas.</numerusform>
            <numerusform>%1 está editando este caso (durante %n minutos más): sus cambios se guardan como revisiones propias junto a las suyas.</numerusform>
        </translation>
    </message>
    <message>
        <source>  (kept, not current: %1 had saved a newer one)</source>
        <translation>  (conservada, no vigente: %1 había guardado una más nueva)</translation>
    </message>
    <message>
        <source>another member</source>
        <translation>otro miembro</translation>
    </message>
    <message>
        <source>Newer revision by %1</source>
        <translation>Revisión más nueva de %1</translation>
    </message>
    <message>
        <source>%1 saved slice %2 after you began editing it: your edit is kept as its own revision (History panel) and theirs is shown. Ctrl+Z brings yours back.</source>
        <translation>%1 guardó el corte %2 después de que empezara a editarlo: su edición se conserva como revisión propia (panel Historial) y se muestra la suya. Ctrl+Z recupera la de usted.</translation>
    </message>
    <message numerus="yes">
        <source>%1 saved a newer mask of %n slice(s); it is shown (Ctrl+Z undoes).</source>
        <translation>
            <numerusform>%1 guardó una máscara más nueva de %n corte; se muestra (Ctrl+Z deshace).</numerusform>
            <numerusform>%1 guardó una máscara más nueva de %n cortes; se muestra (Ctrl+Z deshace).</numerusform>
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
        <translation>Clase %1</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consenso</translation>
    </message>
    <message>
        <source>Consensus (%1)</source>
        <translation>Consenso (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Consensus (%1) of %2 stored for %n slice(s); each member&apos;s own mask stays in the history.</source>
        <translation>
            <numerusform>Consenso (%1) de %2 guardado para %n corte; la máscara de cada miembro queda en el historial.</numerusform>
            <numerusform>Consenso (%1) de %2 guardado para %n cortes; la máscara de cada miembro queda en el historial.</numerusform>
        </translation>
    </message>
    <message>
        <source>No slice of this file was corrected by two members: no consensus to make.</source>
        <translation>Ningún corte de este archivo fue corregido por dos miembros: no hay consenso que hacer.</translation>
    </message>
    <message>
        <source>A stored mask of slice %1 is damaged and was not loaded: %2</source>
        <translation>Una máscara guardada del corte %1 está dañada y no se cargó: %2</translation>
    </message>
    <message>
        <source>A class needs a name, and labels go from 1 to 255.</source>
        <translation>Una clase necesita un nombre, y las etiquetas van de 1 a 255.</translation>
    </message>
    <message>
        <source>Classes are kept in a workspace: open a folder as a workspace (Ctrl+Shift+O) first.</source>
        <translation>Las clases se guardan en un espacio de trabajo: abra primero una carpeta como espacio de trabajo (Ctrl+Mayús+O).</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) show masks stored for this folder before its series were kept apart: check that they belong to this series; an edit keeps them with it.</source>
        <translation>
            <numerusform>%n corte muestra máscaras guardadas para esta carpeta antes de que sus series se guardaran por separado: compruebe que pertenecen a esta serie; una edición las conserva con ella.</numerusform>
            <numerusform>%n cortes muestran máscaras guardadas para esta carpeta antes de que sus series se guardaran por separado: compruebe que pertenecen a esta serie; una edición las conserva con ella.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::SmoothOperation</name>
    <message>
        <source>&amp;Smooth Outline</source>
        <translation>&amp;Suavizar el contorno</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>Suavizar</translation>
    </message>
</context>
<context>
    <name>delineo::vm::TrainingController</name>
    <message>
        <source>Workspace</source>
        <translation>Espacio de trabajo</translation>
    </message>
    <message>
        <source>Cannot train</source>
        <translation>No se puede entrenar</translation>
    </message>
    <message>
        <source>A training run is going already; cancel it first.</source>
        <translation>Ya hay un entrenamiento en curso; cancélelo primero.</translation>
    </message>
    <message>
        <source>Open a workspace folder first: training uses its corrected masks.</source>
        <translation>Abra primero una carpeta de espacio de trabajo: el entrenamiento usa sus máscaras corregidas.</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Cargue primero un modelo.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Training in the background; keep working. The active model stays in use.</source>
        <translation>Entrenando en segundo plano; siga trabajando. El modelo activo sigue en uso.</translation>
    </message>
    <message>
        <source>Training cancelled; the run is recorded as cancelled and the active model is unchanged.</source>
        <translation>Entrenamiento cancelado; la ejecución queda registrada como cancelada y el modelo activo no cambia.</translation>
    </message>
    <message>
        <source>Training failed: %1. The active model is unchanged.</source>
        <translation>El entrenamiento falló: %1. El modelo activo no cambia.</translation>
    </message>
    <message>
        <source>New model version v%1: validation Dice %2 (base %3). Promote it in the Models panel.</source>
        <translation>Nueva versión del modelo v%1: Dice de validación %2 (base %3). Promuévala en el panel Modelos.</translation>
    </message>
    <message>
        <source>New model version v%1 (no validation images). Promote it in the Models panel.</source>
        <translation>Nueva versión del modelo v%1 (sin imágenes de validación). Promuévala en el panel Modelos.</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>El entrenamiento falló</translation>
    </message>
    <message>
        <source>Cannot promote</source>
        <translation>No se puede promover</translation>
    </message>
    <message>
        <source>Model v%1 is now active.</source>
        <translation>El modelo v%1 está ahora activo.</translation>
    </message>
    <message>
        <source>Cannot roll back</source>
        <translation>No se puede revertir</translation>
    </message>
    <message>
        <source>The weights of v%1 cannot be loaded.</source>
        <translation>No se pueden cargar los pesos de v%1.</translation>
    </message>
    <message>
        <source>Rolled back: model v%1 is active again.</source>
        <translation>Revertido: el modelo v%1 vuelve a estar activo.</translation>
    </message>
    <message>
        <source>Compare v%1 with the active model on %2</source>
        <translation>Comparar v%1 con el modelo activo en %2</translation>
    </message>
    <message>
        <source>Ground truth (stored mask)</source>
        <translation>Referencia (máscara guardada)</translation>
    </message>
    <message>
        <source>v%1%2: Dice %3</source>
        <translation>v%1%2: Dice %3</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation> (activo)</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>No se puede comparar</translation>
    </message>
    <message>
        <source>New AI Assist model version v%1: %2 clicks to Dice 0.90 on the validation split (base %3). Promote it in the Models panel.</source>
        <translation>Nueva versión del modelo del asistente IA v%1: %2 clics hasta Dice 0,90 en la partición de validación (base %3). Promuévala en el panel de modelos.</translation>
    </message>
    <message>
        <source>Exporting a training job</source>
        <translation>Exportando un trabajo de entrenamiento</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was kept.</source>
        <translation>Exportación cancelada; no se ha conservado nada.</translation>
    </message>
    <message>
        <source>Cannot export the training job: %1</source>
        <translation>No se puede exportar el trabajo de entrenamiento: %1</translation>
    </message>
    <message>
        <source>Wrote the training job to %1 (%2 training and %3 validation slices). Run it with %4 (several ranks: see docs/DISTRIBUTED.md), then add the model back with %5.</source>
        <translation>Trabajo de entrenamiento escrito en %1 (%2 cortes de entrenamiento y %3 de validación). Ejecútelo con %4 (varios rangos: vea docs/DISTRIBUTED.md) y luego vuelva a añadir el modelo con %5.</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>Cannot add the model</source>
        <translation>No se puede añadir el modelo</translation>
    </message>
    <message>
        <source>%1 is not a training job exported by Delineo (it has no job.json).</source>
        <translation>%1 no es un trabajo de entrenamiento exportado por Delineo (no tiene job.json).</translation>
    </message>
    <message>
        <source>Open a workspace folder first.</source>
        <translation>Abra primero una carpeta de espacio de trabajo.</translation>
    </message>
    <message>
        <source>Adding a model from a cluster job</source>
        <translation>Añadiendo un modelo desde un trabajo de clúster</translation>
    </message>
    <message>
        <source>Cancelled; the job&apos;s model was not added.</source>
        <translation>Cancelado; el modelo del trabajo no se ha añadido.</translation>
    </message>
    <message>
        <source>Cannot add the job&apos;s model: %1</source>
        <translation>No se puede añadir el modelo del trabajo: %1</translation>
    </message>
    <message>
        <source>New model version v%1 from the cluster job: validation Dice %2 (base v%3: %4). Promote it in the Models panel.</source>
        <translation>Nueva versión del modelo v%1 del trabajo de clúster: Dice de validación %2 (base v%3: %4). Promuévala en el panel Modelos.</translation>
    </message>
    <message>
        <source>New model version v%1 from the cluster job. Promote it in the Models panel.</source>
        <translation>Nueva versión del modelo v%1 del trabajo de clúster. Promuévala en el panel Modelos.</translation>
    </message>
</context>
</TS>
