<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>DicomImport</name>
    <message numerus="yes">
        <source> %n image(s) may show text burned into the pixels, which de-identification leaves: check them before sharing.</source>
        <translation>
            <numerusform> %n تصویر ممکن است متنی حک‌شده در پیکسل‌ها داشته باشد که بی‌نام‌سازی آن را حذف نمی‌کند: پیش از اشتراک‌گذاری بررسی کنید.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The file or folder does not exist.</source>
        <translation>پرونده یا پوشه وجود ندارد.</translation>
    </message>
    <message>
        <source>The file exists but cannot be read (permissions or a disk error).</source>
        <translation>پرونده وجود دارد اما خوانده نمی‌شود (مجوزها یا خطای دیسک).</translation>
    </message>
    <message>
        <source>Delineo does not read this file format.</source>
        <translation>Delineo این قالب پرونده را نمی‌خواند.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete.</source>
        <translation>پرونده آسیب دیده یا ناقص است.</translation>
    </message>
    <message>
        <source>The image is compressed in a way Delineo cannot decode.</source>
        <translation>تصویر به روشی فشرده شده که Delineo نمی‌تواند آن را بگشاید.</translation>
    </message>
    <message>
        <source>The sizes do not match.</source>
        <translation>اندازه‌ها با هم جور نیستند.</translation>
    </message>
    <message>
        <source>Writing failed (disk full or no permission?). What was saved before is kept.</source>
        <translation>نوشتن ناموفق بود (دیسک پر است یا مجوز ندارید؟). آنچه پیش‌تر ذخیره شده بود حفظ می‌شود.</translation>
    </message>
    <message>
        <source>Another Delineo window or process is using it.</source>
        <translation>پنجره یا فرایند دیگری از Delineo از آن استفاده می‌کند.</translation>
    </message>
    <message>
        <source>The model file is missing, damaged or does not fit its description.</source>
        <translation>پروندهٔ مدل وجود ندارد، آسیب دیده یا با توصیف خود جور نیست.</translation>
    </message>
    <message>
        <source>Training could not start or go on.</source>
        <translation>آموزش نتوانست آغاز شود یا ادامه یابد.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>جزئیات: %1</translation>
    </message>
    <message>
        <source>The file claims a size larger than Delineo allows itself to load.</source>
        <translation>پرونده اندازه‌ای بزرگ‌تر از آنچه Delineo اجازهٔ بارگذاری می‌دهد اعلام می‌کند.</translation>
    </message>
</context>
<context>
    <name>LoadWarning</name>
    <message>
        <source>no ImagePositionPatient/ImageOrientationPatient: slices ordered by InstanceNumber, slice spacing unknown</source>
        <translation>بدون ImagePositionPatient/ImageOrientationPatient: برش‌ها بر اساس InstanceNumber مرتب شدند، فاصلهٔ برش‌ها نامعلوم است</translation>
    </message>
    <message>
        <source>two or more slices share a position (duplicates or several stacks in one series)</source>
        <translation>دو یا چند برش یک موقعیت دارند (تکراری یا چند پشته در یک سری)</translation>
    </message>
    <message>
        <source>irregular slice spacing: %1 to %2 mm (median %3 mm)</source>
        <translation>فاصلهٔ نامنظم برش‌ها: %1 تا %2 میلی‌متر (میانه %3 میلی‌متر)</translation>
    </message>
    <message>
        <source>gantry tilt of %1 degrees: slices are sheared relative to the slice normal</source>
        <translation>شیب گنتری %1 درجه: برش‌ها نسبت به عمود بر برش مورب شده‌اند</translation>
    </message>
    <message>
        <source>slice numbers are not contiguous (a sample of the scan): slice spacing unknown</source>
        <translation>شماره‌های برش پیوسته نیستند (نمونه‌ای از اسکن): فاصلهٔ برش‌ها نامعلوم است</translation>
    </message>
    <message>
        <source>%1; the first %2 frames are open</source>
        <translation>%1؛ %2 فریم نخست باز است</translation>
    </message>
    <message>
        <source>only the first %1 of %2 frames are open</source>
        <translation>تنها %1 فریم نخست از %2 فریم باز است</translation>
    </message>
    <message>
        <source>saved mask %1 does not match the image size: ignored</source>
        <translation>ماسک ذخیره‌شدهٔ %1 با اندازهٔ تصویر نمی‌خواند: نادیده گرفته شد</translation>
    </message>
    <message>
        <source>saved mask unreadable: %1</source>
        <translation>ماسک ذخیره‌شده خوانا نیست: %1</translation>
    </message>
    <message>
        <source>the label map stores its axes in another order or direction: placed by its geometry, voxel for voxel</source>
        <translation>نقشهٔ برچسب محورهایش را با ترتیب یا جهت دیگری ذخیره کرده است: بر اساس هندسه‌اش، وکسل به وکسل جای داده شد</translation>
    </message>
    <message>
        <source>the label map lies on another grid (%1 voxels of %2 mm): resampled onto the image (nearest neighbour)</source>
        <translation>نقشهٔ برچسب روی شبکهٔ دیگری است (%1 وکسل با اندازهٔ %2 میلی‌متر): روی تصویر بازنمونه‌برداری شد (نزدیک‌ترین همسایه)</translation>
    </message>
    <message>
        <source>%1% of the label map&apos;s labelled voxels lie outside the image and were left out</source>
        <translation>%1% از وکسل‌های برچسب‌دار نقشه بیرون از تصویر است و کنار گذاشته شد</translation>
    </message>
    <message>
        <source>the image has no position in space: the label map was placed voxel for voxel, its geometry unchecked</source>
        <translation>تصویر جایگاهی در فضا ندارد: نقشهٔ برچسب وکسل به وکسل جای داده شد و هندسه‌اش بررسی نشد</translation>
    </message>
    <message>
        <source>%1 voxels lie in more than one segment: each shows the segment of the last layer (a label map holds one label per voxel)</source>
        <translation>%1 وکسل در بیش از یک بخش قرار دارند: هر کدام بخشِ آخرین لایه را نشان می‌دهد (یک نقشهٔ برچسب برای هر وکسل یک برچسب نگه می‌دارد)</translation>
    </message>
    <message>
        <source>labels renumbered to the workspace&apos;s classes of the same name, or to free numbers where the workspace&apos;s class of that number has another name: %1</source>
        <translation>برچسب‌ها به کلاس‌های هم‌نام فضای کاری شماره‌گذاری دوباره شدند، یا به شماره‌های آزاد آن‌جا که کلاسِ آن شماره نام دیگری دارد: %1</translation>
    </message>
    <message>
        <source>%1 series or stacks here: the largest, %2, is open; open another as PATH#series=NAME (delineo-cli info lists them)</source>
        <translation>%1 سری یا پشته اینجاست: بزرگ‌ترین، %2، باز است؛ دیگری را با PATH#series=NAME باز کنید (delineo-cli info آن‌ها را فهرست می‌کند)</translation>
    </message>
</context>
<context>
    <name>MaskOperations</name>
    <message>
        <source>coronal planes</source>
        <translation>صفحه‌های کرونال</translation>
    </message>
    <message>
        <source>sagittal planes</source>
        <translation>صفحه‌های ساژیتال</translation>
    </message>
    <message>
        <source>slices</source>
        <translation>برش‌ها</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Running the model…</source>
        <translation>در حال اجرای مدل…</translation>
    </message>
    <message>
        <source>Segmentation done</source>
        <translation>بخش‌بندی انجام شد</translation>
    </message>
    <message>
        <source>Running the model on slice %1 of %2…</source>
        <translation>اجرای مدل روی برش %1 از %2…</translation>
    </message>
    <message>
        <source>Loading %1 of %2</source>
        <translation>بارگذاری %1 از %2</translation>
    </message>
    <message>
        <source>Importing file %1 of %2</source>
        <translation>وارد کردن پرونده %1 از %2</translation>
    </message>
    <message>
        <source>Scoring %1 of %2…</source>
        <translation>امتیازدهی %1 از %2…</translation>
    </message>
    <message>
        <source>Loading %1 training and %2 validation slices…</source>
        <translation>بارگذاری %1 برش آموزشی و %2 برش اعتبارسنجی…</translation>
    </message>
    <message>
        <source>Epoch %1/%2, step %3/%4, loss %5%6 · about %7 left</source>
        <translation>دوره %1/%2، گام %3/%4، خطا %5%6 · حدود %7 مانده</translation>
    </message>
    <message>
        <source>, validation Dice %1</source>
        <translation>، Dice اعتبارسنجی %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 دقیقه</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 ثانیه</translation>
    </message>
    <message>
        <source>Exporting image %1 of %2</source>
        <translation>در حال برون‌بری تصویر %1 از %2</translation>
    </message>
    <message>
        <source>Propagating to frame %1 of %2…</source>
        <translation>انتشار به قاب %1 از %2…</translation>
    </message>
    <message>
        <source>%1 · about %2 left</source>
        <translation>%1 · حدود %2 مانده</translation>
    </message>
    <message>
        <source>Running the model on frame %1 (%2 of %3)…</source>
        <translation>اجرای مدل روی فریم %1 (%2 از %3)…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>در حال بارگذاری %1…</translation>
    </message>
    <message>
        <source>Measuring slice %1 of %2…</source>
        <translation>در حال سنجش برش %1 از %2…</translation>
    </message>
    <message>
        <source>Writing the cluster job: %1</source>
        <translation>در حال نوشتن کار خوشه: %1</translation>
    </message>
    <message>
        <source>Measuring the job&apos;s model and its base on the validation split…</source>
        <translation>در حال سنجش مدل کار و پایهٔ آن روی بخش اعتبارسنجی…</translation>
    </message>
    <message>
        <source>Accepting AI results: %1 of %2…</source>
        <translation>در حال پذیرش نتایج هوش مصنوعی: %1 از %2…</translation>
    </message>
</context>
<context>
    <name>Series</name>
    <message>
        <source>echo %1</source>
        <translation>اکوی %1</translation>
    </message>
    <message>
        <source>phase %1</source>
        <translation>فاز %1</translation>
    </message>
    <message>
        <source>b = %1 s/mm²</source>
        <translation>b = %1 s/mm²</translation>
    </message>
    <message>
        <source>plane %1</source>
        <translation>صفحهٔ %1</translation>
    </message>
    <message>
        <source>magnitude image</source>
        <translation>تصویر اندازه</translation>
    </message>
    <message>
        <source>phase image</source>
        <translation>تصویر فاز</translation>
    </message>
    <message>
        <source>real part</source>
        <translation>بخش حقیقی</translation>
    </message>
    <message>
        <source>imaginary part</source>
        <translation>بخش موهومی</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>polyp</source>
        <translation>پولیپ</translation>
    </message>
    <message>
        <source>stomach</source>
        <translation>معده</translation>
    </message>
    <message>
        <source>large bowel</source>
        <translation>روده بزرگ</translation>
    </message>
    <message>
        <source>small bowel</source>
        <translation>روده کوچک</translation>
    </message>
    <message>
        <source>tumour</source>
        <translation>تومور</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>مغز</translation>
    </message>
    <message>
        <source>Soft tissue</source>
        <translation>بافت نرم</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>ریه</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>استخوان</translation>
    </message>
    <message>
        <source>Full range</source>
        <translation>کل بازه</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>خودکار</translation>
    </message>
    <message>
        <source>class %1</source>
        <comment>a label without a name</comment>
        <translation>کلاس %1</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>&amp;Brush</source>
        <translation>قلم‌مو</translation>
    </message>
    <message>
        <source>Drag to paint the active class; Shift+drag erases it. [ and ] change the size.</source>
        <translation>برای رنگ‌آمیزی کلاس فعال بکشید؛ Shift+کشیدن آن را پاک می‌کند. [ و ] اندازه را تغییر می‌دهند.</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>پاک‌کن</translation>
    </message>
    <message>
        <source>Drag to erase the active class (any class when &quot;Overwrite other classes&quot; is on).</source>
        <translation>برای پاک کردن کلاس فعال بکشید (اگر «بازنویسی کلاس‌های دیگر» روشن باشد، هر کلاسی).</translation>
    </message>
    <message>
        <source>&amp;Threshold Brush</source>
        <translation>قلم‌موی آستانه‌ای</translation>
    </message>
    <message>
        <source>Paints only pixels whose intensity is within the range below; Ctrl+click sets the range around the clicked value.</source>
        <translation>فقط پیکسل‌هایی را رنگ می‌کند که شدتشان در بازهٔ زیر است؛ Ctrl+کلیک بازه را حول مقدار کلیک‌شده تنظیم می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Polygon / Lasso Fill</source>
        <translation>پرکردن چندضلعی / کمند</translation>
    </message>
    <message>
        <source>Drag around a region to fill it with the active class; Shift+drag erases inside.</source>
        <translation>دور یک ناحیه بکشید تا با کلاس فعال پر شود؛ Shift+کشیدن درون آن را پاک می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Flood Fill</source>
        <translation>پرکردن ناحیه</translation>
    </message>
    <message>
        <source>Click inside a region (e.g. a drawn outline) to fill it with the active class.</source>
        <translation>درون یک ناحیه (مثلاً یک خط دور رسم‌شده) کلیک کنید تا با کلاس فعال پر شود.</translation>
    </message>
    <message>
        <source>AI &amp;Assist (Clicks, Box, Scribble)</source>
        <translation>&amp;دستیار هوش مصنوعی (کلیک، کادر، خط‌کشی)</translation>
    </message>
    <message>
        <source>Click the object to add it, right-click or Shift+click to remove; drag a box around it, Alt+drag to scribble. Enter accepts, Backspace removes the last prompt, Esc drops them.</source>
        <translation>برای افزودن روی شیء کلیک کنید، کلیک راست یا Shift+کلیک برای حذف؛ کادری دور آن بکشید، Alt+کشیدن برای خط‌کشی. Enter می‌پذیرد، Backspace آخرین راهنما را حذف می‌کند، Esc همه را کنار می‌گذارد.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>پاک‌کردن</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>رنگ‌کردن</translation>
    </message>
    <message>
        <source>Flood fill</source>
        <translation>پرکردن ناحیه</translation>
    </message>
    <message>
        <source>Polygon erase</source>
        <translation>پاک‌کردن چندضلعی</translation>
    </message>
    <message>
        <source>Polygon fill</source>
        <translation>پرکردن چندضلعی</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>%1 of %2</source>
        <comment>slices of images</comment>
        <translation>%1 از %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; corrected or approved slice(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; برش اصلاح‌شده یا تأییدشده</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; image(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; تصویر</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::ui::AgreementDialog</name>
    <message>
        <source>Agreement Between Annotators</source>
        <translation>توافق میان حاشیه‌نویسان</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>حاشیه‌نویسان</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>کلاس</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>برش‌ها</translation>
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
        <translation>پیکسل‌ها (هر کدام)</translation>
    </message>
    <message>
        <source>Consensus by &amp;Majority</source>
        <translation>اجماع با &amp;اکثریت</translation>
    </message>
    <message>
        <source>Consensus by &amp;STAPLE</source>
        <translation>اجماع با &amp;STAPLE</translation>
    </message>
    <message>
        <source>Each pixel gets the label most annotators gave it; a tie stays background.</source>
        <translation>هر پیکسل برچسبی را می‌گیرد که بیشتر حاشیه‌نویسان داده‌اند؛ در تساوی، پس‌زمینه می‌ماند.</translation>
    </message>
    <message>
        <source>STAPLE weighs each annotator by how well they agree with the others (ITK).</source>
        <translation>STAPLE هر حاشیه‌نویس را بر پایه میزان توافقش با دیگران وزن می‌دهد (ITK).</translation>
    </message>
    <message>
        <source>No slice of this file has corrections by two annotators yet. Each member&apos;s newest correction of a slice is compared; AI drafts and consensus masks are not.</source>
        <translation>هنوز هیچ برشی از این پرونده را دو حاشیه‌نویس اصلاح نکرده‌اند. تازه‌ترین اصلاح هر عضو در هر برش مقایسه می‌شود؛ پیش‌نویس‌های هوش مصنوعی و ماسک‌های اجماع نه.</translation>
    </message>
    <message>
        <source>Each member&apos;s newest correction of each slice, compared over the slices both corrected. Dice over those slices together; HD95 is the mean over slices where both drew the class. A consensus becomes the slices&apos; mask as a revision of its own; every member&apos;s mask stays in the history.</source>
        <translation>تازه‌ترین اصلاح هر عضو در هر برش، در برش‌هایی که هر دو اصلاح کرده‌اند مقایسه می‌شود. Dice روی همه آن برش‌ها با هم؛ HD95 میانگین برش‌هایی است که هر دو کلاس را کشیده‌اند. اجماع به‌صورت بازبینی جداگانه ماسک برش‌ها می‌شود؛ ماسک هر عضو در تاریخچه می‌ماند.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ClassLegend</name>
    <message>
        <source>Overlay classes: untick to hide a class</source>
        <translation>کلاس‌های روی‌هم‌نما: برای پنهان کردن یک کلاس تیک آن را بردارید</translation>
    </message>
    <message>
        <source>Add Class…</source>
        <translation>افزودن کلاس…</translation>
    </message>
    <message>
        <source>Rename or Recolour Class…</source>
        <translation>تغییر نام یا رنگ کلاس…</translation>
    </message>
    <message>
        <source>Add Class</source>
        <translation>افزودن کلاس</translation>
    </message>
    <message>
        <source>Rename or Recolour Class</source>
        <translation>تغییر نام یا رنگ کلاس</translation>
    </message>
    <message>
        <source>Name of label %1:</source>
        <translation>نام برچسب %1:</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>رنگ %1</translation>
    </message>
</context>
<context>
    <name>delineo::ui::EditToolBar</name>
    <message>
        <source>Tools</source>
        <translation>ابزارها</translation>
    </message>
    <message>
        <source> Class </source>
        <translation> کلاس </translation>
    </message>
    <message>
        <source>  Brush </source>
        <translation>  قلم‌مو </translation>
    </message>
    <message>
        <source> px</source>
        <translation> پیکسل</translation>
    </message>
    <message>
        <source>  Opacity </source>
        <translation>  کدری </translation>
    </message>
</context>
<context>
    <name>delineo::ui::EvaluationDialog</name>
    <message>
        <source>Evaluation of %1</source>
        <translation>ارزیابی %1</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>میلی‌متر</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>پیکسل</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>کلاس</translation>
    </message>
    <message>
        <source>Pixel accuracy</source>
        <translation>دقت پیکسلی</translation>
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
        <translation>دقت</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>بازیابی</translation>
    </message>
    <message>
        <source>HD95</source>
        <translation>HD95</translation>
    </message>
    <message>
        <source>Mean (drawn classes)</source>
        <translation>میانگین (کلاس‌های رسم‌شده)</translation>
    </message>
    <message>
        <source>Open Report</source>
        <translation>باز کردن گزارش</translation>
    </message>
    <message>
        <source>On the workspace&apos;s frozen validation split: %1, each at its own size. Means over slices; HD95 in %2. Grey rows: classes nobody drew in these slices (left out of the mean).</source>
        <translation>روی بخش اعتبارسنجی ثابت فضای کاری: %1، هر کدام در اندازهٔ خودش. میانگین روی برش‌ها؛ HD95 بر حسب %2. ردیف‌های خاکستری: کلاس‌هایی که کسی در این برش‌ها رسم نکرده است (خارج از میانگین).</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ExportDialog</name>
    <message>
        <source>Export Workspace</source>
        <translation>برون‌بری فضای کاری</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>De-identify (PS3.15 Annex E basic profile)</source>
        <translation>شناسه‌زدایی (نمایهٔ پایهٔ پیوست E از PS3.15)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>قالب:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>مقصد:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>برون‌بری</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>لغو برون‌بری</translation>
    </message>
    <message>
        <source>Export cancelled; what was written so far stays in %1.</source>
        <translation>برون‌بری لغو شد؛ آنچه تاکنون نوشته شده در %1 می‌ماند.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>برون‌بری ناموفق بود: %1</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>برون‌بری به</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>برون‌بری در</translation>
    </message>
</context>
<context>
    <name>delineo::ui::FileListPanel</name>
    <message>
        <source>Workspace</source>
        <translation>فضای کاری</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>همهٔ پرونده‌ها</translation>
    </message>
    <message>
        <source>Needing review</source>
        <translation>نیازمند بازبینی</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>شروع‌نشده</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>پیش‌نویس هوش مصنوعی</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>اصلاح‌شده</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ردشده</translation>
    </message>
    <message>
        <source>%1; model uncertainty %2</source>
        <translation>%1؛ عدم قطعیت مدل %2</translation>
    </message>
    <message>
        <source>Workspace — %1 of %2 reviewed</source>
        <translation>فضای کاری — %1 از %2 بازبینی شده</translation>
    </message>
</context>
<context>
    <name>delineo::ui::FineTuneDialog</name>
    <message>
        <source>Fine-tune Current Model</source>
        <translation>تنظیم دقیق مدل فعلی</translation>
    </message>
    <message>
        <source>Validation images (frozen for this workspace, never trained on; untick to train on one):</source>
        <translation>تصاویر اعتبارسنجی (برای این فضای کاری ثابت، هرگز در آموزش به کار نمی‌روند؛ برای آموزش روی یکی تیک آن را بردارید):</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>تصویر %1</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>بدون محدودیت</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقیقه</translation>
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
        <translation>دوره‌ها:</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>بودجهٔ زمانی:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>نرخ یادگیری:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>دستگاه:</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>شروع آموزش</translation>
    </message>
    <message>
        <source>Train from scratch like</source>
        <translation>آموزش از صفر مانند</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>تنظیم دقیق</translation>
    </message>
    <message>
        <source>Train from scratch (same classes, new weights)</source>
        <translation>آموزش از صفر (همان کلاس‌ها، وزن‌های تازه)</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>معماری:</translation>
    </message>
    <message>
        <source>1 slice (2D)</source>
        <translation>۱ برش (دوبعدی)</translation>
    </message>
    <message>
        <source>%1 slices (2.5D)</source>
        <translation>%1 برش (۲٫۵بعدی)</translation>
    </message>
    <message>
        <source>How many neighbouring slices the model reads for each slice (2.5D). Helps when slices are close together; at a volume&apos;s ends the neighbours are mirrored.</source>
        <translation>مدل برای هر برش چند برش همسایه را می‌خواند (۲٫۵بعدی). وقتی برش‌ها به هم نزدیک‌اند کمک می‌کند؛ در دو انتهای حجم، همسایه‌ها قرینه می‌شوند.</translation>
    </message>
    <message>
        <source>Slices read:</source>
        <translation>برش‌های خوانده‌شده:</translation>
    </message>
    <message>
        <source>Export Job for a Cluster…</source>
        <translation>صدور کار برای خوشه…</translation>
    </message>
    <message>
        <source>Write the training data, the configuration and the launch command into a folder, to train on a cluster or a GPU machine; add the model back with delineo-cli models add</source>
        <translation>داده‌های آموزش، پیکربندی و فرمان اجرا را در یک پوشه می‌نویسد تا روی خوشه یا ماشین GPU آموزش داده شود؛ مدل را با delineo-cli models add بازگردانید</translation>
    </message>
    <message>
        <source>Export Job for a Cluster: an Empty Folder</source>
        <translation>صدور کار برای خوشه: یک پوشهٔ خالی</translation>
    </message>
    <message>
        <source>Learn the workspace&apos;s new classes: %1</source>
        <translation>یادگیری کلاس‌های تازهٔ فضای کار: %1</translation>
    </message>
    <message>
        <source>The model gets an output for each; its own classes keep theirs. Unticked, they stay background to it.</source>
        <translation>مدل برای هر کدام یک خروجی می‌گیرد؛ کلاس‌های خودش خروجی‌هایشان را نگه می‌دارند. بدون تیک، برای مدل پس‌زمینه می‌مانند.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from &lt;b&gt;v%2&lt;/b&gt; %3 (%4, base width %5, %6×%6 input, %7, %8).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; از &lt;b&gt;v%2&lt;/b&gt; %3 (%4، عرض پایه %5، ورودی %6×%6، %7، %8).</translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n کلاس</numerusform>
        </translation>
    </message>
    <message>
        <source>Trains on %1 (AI drafts are never used); validates on %2. The active model stays in use until you promote the result.</source>
        <translation>آموزش روی %1 (پیش‌نویس‌های هوش مصنوعی هرگز به کار نمی‌روند)؛ اعتبارسنجی روی %2. مدل فعال تا زمانی که نتیجه را ارتقا دهید در استفاده می‌ماند.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>راهنما</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>راهنمای کاربر</translation>
    </message>
    <message>
        <source>Shift+F1</source>
        <translation>Shift+F1</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>راهنمای کاربر</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Delineo</source>
        <translation>دربارهٔ Delineo</translation>
    </message>
    <message>
        <source>About Delineo</source>
        <translation>دربارهٔ Delineo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delineo&lt;/b&gt; %1&lt;br&gt;Medical image segmentation: review, correct, retrain.&lt;br&gt;&lt;br&gt;&lt;table&gt;%2&lt;/table&gt;&lt;br&gt;Bundled demo data and its licences:&lt;ul&gt;&lt;li&gt;Kvasir-SEG frames (Simula Research Laboratory): research and educational use, citing Jha et al., MMM 2020;&lt;/li&gt;&lt;li&gt;UW-Madison GI tract MRI slices: Kaggle competition data, citing Lee et al., Data in Brief 57, 2024;&lt;/li&gt;&lt;li&gt;an MR DICOM file from the pydicom test data: MIT licence.&lt;/li&gt;&lt;/ul&gt;Details are in ATTRIBUTION.md in the demo folder.</source>
        <translation>&lt;b&gt;Delineo&lt;/b&gt; %1&lt;br&gt;بخش‌بندی تصاویر پزشکی: بازبینی، اصلاح، بازآموزی.&lt;br&gt;&lt;br&gt;&lt;table&gt;%2&lt;/table&gt;&lt;br&gt;داده‌های نمایشی همراه و مجوزهای آن‌ها:&lt;ul&gt;&lt;li&gt;قاب‌های Kvasir-SEG (آزمایشگاه پژوهشی Simula): کاربرد پژوهشی و آموزشی، با استناد به Jha و همکاران، MMM 2020؛&lt;/li&gt;&lt;li&gt;برش‌های MRI دستگاه گوارش UW-Madison: داده‌های مسابقهٔ Kaggle، با استناد به Lee و همکاران، Data in Brief 57، 2024؛&lt;/li&gt;&lt;li&gt;یک پروندهٔ DICOM تصویر MR از داده‌های آزمایشی pydicom: مجوز MIT.&lt;/li&gt;&lt;/ul&gt;جزئیات در ATTRIBUTION.md در پوشهٔ نمایشی آمده است.</translation>
    </message>
    <message>
        <source>The user guide is not installed (looked in %1/docs).</source>
        <translation>راهنمای کاربر نصب نشده است (در %1/docs جست‌وجو شد).</translation>
    </message>
    <message>
        <source>Delineo User Guide</source>
        <translation>راهنمای کاربر Delineo</translation>
    </message>
</context>
<context>
    <name>delineo::ui::HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>تاریخچه</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>باز شد</translation>
    </message>
    <message>
        <source>Saved in the workspace:</source>
        <translation>ذخیره‌شده در فضای کاری:</translation>
    </message>
    <message>
        <source>Click an entry to undo or redo up to it: this slice&apos;s edits, then this image&apos;s rulers and outlines. Below: this slice&apos;s revisions saved in the workspace, newest first, with who made each</source>
        <translation>برای واگرد یا انجام دوباره تا یک مورد، روی آن کلیک کنید: ویرایش‌های این برش، سپس خط‌کش‌ها و خطوط مرزی این تصویر. در پایین: بازبینی‌های ذخیره‌شده این برش در فضای کاری، جدیدترین اول، با سازنده هر کدام</translation>
    </message>
    <message>
        <source>Rulers and outlines of this image:</source>
        <translation>خط‌کش‌ها و خطوط مرزی این تصویر:</translation>
    </message>
    <message>
        <source>As opened</source>
        <translation>همان‌طور که باز شد</translation>
    </message>
</context>
<context>
    <name>delineo::ui::JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>لغو شد.</translation>
    </message>
    <message>
        <source>Task failed</source>
        <translation>کار ناموفق بود</translation>
    </message>
</context>
<context>
    <name>delineo::ui::LoadNotes</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n یادداشت</numerusform>
        </translation>
    </message>
    <message>
        <source>Please note</source>
        <translation>توجه کنید</translation>
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
        <translation>یک تصویر (Ctrl+O) یا پوشهٔ فضای کاری (Ctrl+Shift+O) را باز کنید،
یا یک پروندهٔ JPEG، PNG یا DICOM را اینجا رها کنید.</translation>
    </message>
    <message>
        <source>Open Demo Workspace</source>
        <translation>باز کردن فضای کاری نمایشی</translation>
    </message>
    <message>
        <source>Four Kvasir-SEG polyp frames and three abdominal MRI slices with the default models</source>
        <translation>چهار قاب پولیپ Kvasir-SEG و سه برش MRI شکمی با مدل‌های پیش‌فرض</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>کلاس‌ها</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>پیش‌نویس هوش مصنوعی</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>&amp;Open Image…</source>
        <translation>باز کردن تصویر…</translation>
    </message>
    <message>
        <source>Open &amp;Workspace Folder…</source>
        <translation>باز کردن پوشهٔ فضای کاری…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open DICOM &amp;Series…</source>
        <translation>باز کردن سری DICOM…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Open De&amp;mo Workspace</source>
        <translation>باز کردن فضای کاری نمایشی</translation>
    </message>
    <message>
        <source>&amp;Import DICOM into Workspace…</source>
        <translation>وارد کردن DICOM به فضای کاری…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Save Mask</source>
        <translation>ذخیرهٔ ماسک</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ازنو</translation>
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
        <translation>قلم‌موی بزرگ‌تر</translation>
    </message>
    <message>
        <source>]</source>
        <translation>]</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>قلم‌موی کوچک‌تر</translation>
    </message>
    <message>
        <source>[</source>
        <translation>[</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>ترجیحات…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>نما</translation>
    </message>
    <message>
        <source>Show &amp;Overlay</source>
        <translation>نمایش روی‌هم‌نما</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Overlay as &amp;Outlines</source>
        <translation>روی‌هم‌نما به‌صورت خطوط دور</translation>
    </message>
    <message>
        <source>Shift+O</source>
        <translation>Shift+O</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>متناسب با پنجره</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>اندازهٔ واقعی (1:1)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Reset Window/Level</source>
        <translation>بازنشانی پنجره/سطح</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Window &amp;Presets</source>
        <translation>پیش‌تنظیم‌های پنجره</translation>
    </message>
    <message>
        <source>&amp;Previous Slice</source>
        <translation>برش قبلی</translation>
    </message>
    <message>
        <source>&amp;Next Slice</source>
        <translation>برش بعدی</translation>
    </message>
    <message>
        <source>First Slice</source>
        <translation>نخستین برش</translation>
    </message>
    <message>
        <source>Last Slice</source>
        <translation>آخرین برش</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <source>&amp;Run Model on Image</source>
        <translation>اجرای مدل روی تصویر</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>بارگذاری مدل…</translation>
    </message>
    <message>
        <source>&amp;Accept AI Result</source>
        <translation>پذیرش نتیجهٔ هوش مصنوعی</translation>
    </message>
    <message>
        <source>Accept AI Result for the Active &amp;Class</source>
        <translation>پذیرش نتیجهٔ هوش مصنوعی برای کلاس فعال</translation>
    </message>
    <message>
        <source>&amp;Reject AI Result</source>
        <translation>رد نتیجهٔ هوش مصنوعی</translation>
    </message>
    <message>
        <source>Run Model on &amp;All Slices</source>
        <translation>اجرای مدل روی همهٔ برش‌ها</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Accept AI Results on All Slices</source>
        <translation>پذیرش نتایج هوش مصنوعی روی همهٔ برش‌ها</translation>
    </message>
    <message>
        <source>Show AI &amp;Confidence</source>
        <translation>نمایش اطمینان هوش مصنوعی</translation>
    </message>
    <message>
        <source>Shift+C</source>
        <translation>Shift+C</translation>
    </message>
    <message>
        <source>Shade the AI preview by the model&apos;s probability: faint where it is unsure</source>
        <translation>سایه‌زنی پیش‌نمایش هوش مصنوعی بر پایهٔ احتمال مدل: کم‌رنگ جایی که مطمئن نیست</translation>
    </message>
    <message>
        <source>AI May &amp;Overwrite My Labels</source>
        <translation>هوش مصنوعی می‌تواند برچسب‌های مرا بازنویسی کند</translation>
    </message>
    <message>
        <source>Test-time &amp;Flip Augmentation</source>
        <translation>افزایش داده با قرینه‌سازی در زمان آزمون</translation>
    </message>
    <message>
        <source>Average the model over the image and its flips: steadier masks, 3x the time</source>
        <translation>میانگین مدل روی تصویر و قرینه‌هایش: ماسک‌های پایدارتر، سه برابر زمان</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>بازبینی</translation>
    </message>
    <message>
        <source>&amp;Approve Case</source>
        <translation>تأیید مورد</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>&amp;Reject Case</source>
        <translation>رد مورد</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>&amp;Next Needing Review</source>
        <translation>مورد بعدی نیازمند بازبینی</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Approve &amp;Slice</source>
        <translation>تأیید برش</translation>
    </message>
    <message>
        <source>Shift+A</source>
        <translation>Shift+A</translation>
    </message>
    <message>
        <source>Reject S&amp;lice</source>
        <translation>رد برش</translation>
    </message>
    <message>
        <source>Shift+X</source>
        <translation>Shift+X</translation>
    </message>
    <message>
        <source>Next &amp;Most Uncertain</source>
        <translation>نامطمئن‌ترین بعدی</translation>
    </message>
    <message>
        <source>Shift+N</source>
        <translation>Shift+N</translation>
    </message>
    <message>
        <source>Rank &amp;Unreviewed by Model Uncertainty</source>
        <translation>رتبه‌بندی بازبینی‌نشده‌ها بر پایهٔ عدم قطعیت مدل</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Mark &amp;Corrected</source>
        <translation>علامت‌گذاری به‌عنوان اصلاح‌شده</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Co&amp;mment…</source>
        <translation>یادداشت…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Reviewer Comment</source>
        <translation>یادداشت بازبین</translation>
    </message>
    <message>
        <source>Comment on %1:</source>
        <translation>یادداشت دربارهٔ %1:</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>برش‌ها</translation>
    </message>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1 (W %2، L %3)</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>مدل: %1 (%2)</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>شروع‌نشده</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>اصلاح‌شده</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>ردشده</translation>
    </message>
    <message>
        <source> Slice %1/%2 · %3 </source>
        <translation> برش %1/%2 · %3 </translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>واگرد %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>ازنو %1</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>بارگذاری مدل</translation>
    </message>
    <message>
        <source>Delineo models (*.pt)</source>
        <translation>مدل‌های Delineo (*.pt)</translation>
    </message>
    <message>
        <source>Unsaved mask</source>
        <translation>ماسک ذخیره‌نشده</translation>
    </message>
    <message>
        <source>The mask could not be saved. Close anyway?</source>
        <translation>ماسک ذخیره نشد. با این حال بسته شود؟</translation>
    </message>
    <message>
        <source>Choose a Series</source>
        <translation>انتخاب سری</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>باز کردن تصویر</translation>
    </message>
    <message>
        <source>Open Workspace Folder</source>
        <translation>باز کردن پوشهٔ فضای کاری</translation>
    </message>
    <message>
        <source>Open DICOM Series (folder or DICOMDIR folder)</source>
        <translation>باز کردن سری DICOM (پوشه یا پوشهٔ DICOMDIR)</translation>
    </message>
    <message>
        <source>Import DICOM: Choose the Folder to Import</source>
        <translation>وارد کردن DICOM: پوشهٔ مورد نظر را انتخاب کنید</translation>
    </message>
    <message>
        <source>Import DICOM: Choose the Workspace</source>
        <translation>وارد کردن DICOM: فضای کاری را انتخاب کنید</translation>
    </message>
    <message>
        <source>Import DICOM</source>
        <translation>وارد کردن DICOM</translation>
    </message>
    <message>
        <source>Copy the DICOM files of %1 into %2?</source>
        <translation>پرونده‌های DICOM از %1 در %2 کپی شوند؟</translation>
    </message>
    <message>
        <source>De-identify the copies (PS3.15 Annex E basic profile: names, IDs and dates replaced, UIDs remapped, private tags removed; text burned into the pixels is not checked)</source>
        <translation>شناسه‌زدایی از رونوشت‌ها (نیم‌رخ پایهٔ پیوست E از PS3.15: نام‌ها، شناسه‌ها و تاریخ‌ها جایگزین، UIDها بازنگاشت و برچسب‌های خصوصی حذف می‌شوند؛ متن نقش‌بسته در پیکسل‌ها بررسی نمی‌شود)</translation>
    </message>
    <message>
        <source> Review: %1%2 </source>
        <translation> بازبینی: %1%2 </translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>آموزش</translation>
    </message>
    <message>
        <source>&amp;Fine-tune Current Model…</source>
        <translation>تنظیم دقیق مدل فعلی…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Train from &amp;Scratch…</source>
        <translation>آموزش از صفر…</translation>
    </message>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>لغو آموزش</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>راهنمای کاربر</translation>
    </message>
    <message>
        <source> · demo model, not for clinical use</source>
        <translation> · مدل نمایشی، نه برای کاربرد بالینی</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>برون‌بری ممکن نیست</translation>
    </message>
    <message>
        <source>Open a workspace folder first: exports write its stored masks.</source>
        <translation>ابتدا یک پوشهٔ فضای کاری باز کنید: برون‌بری ماسک‌های ذخیره‌شدهٔ آن را می‌نویسد.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;برون‌بری…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Remove Last AI Assist &amp;Prompt</source>
        <translation>حذف آخرین &amp;راهنمای دستیار هوش مصنوعی</translation>
    </message>
    <message>
        <source>Propagate &amp;Forward</source>
        <translation>انتشار به &amp;جلو</translation>
    </message>
    <message>
        <source>Propagate &amp;Backward</source>
        <translation>انتشار به &amp;عقب</translation>
    </message>
    <message>
        <source>Fine-tune &amp;AI Assist Model…</source>
        <translation>تنظیم دقیق مدل &amp;دستیار هوش مصنوعی…</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;پخش / توقف</translation>
    </message>
    <message>
        <source>Next &amp;Annotated Frame</source>
        <translation>فریم &amp;حاشیه‌نویسی‌شدهٔ بعدی</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>Previous Annotated Frame</source>
        <translation>فریم حاشیه‌نویسی‌شدهٔ قبلی</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Next Frame to &amp;Review</source>
        <translation>فریم بعدی برای &amp;بازبینی</translation>
    </message>
    <message>
        <source>Ctrl+Shift+PgDown</source>
        <translation>Ctrl+Shift+PgDown</translation>
    </message>
    <message>
        <source>Previous Frame to Review</source>
        <translation>فریم قبلی برای بازبینی</translation>
    </message>
    <message>
        <source>Ctrl+Shift+PgUp</source>
        <translation>Ctrl+Shift+PgUp</translation>
    </message>
    <message>
        <source> Frame %1/%2 · %3 </source>
        <translation> فریم %1/%2 · %3 </translation>
    </message>
    <message>
        <source> · not made for this image</source>
        <translation> · برای این تصویر ساخته نشده</translation>
    </message>
    <message>
        <source>&amp;Evaluate on Validation Split…</source>
        <translation>&amp;ارزیابی روی بخش اعتبارسنجی…</translation>
    </message>
    <message>
        <source>Open &amp;Team Workspace…</source>
        <translation>باز کردن فضای کاری &amp;تیمی…</translation>
    </message>
    <message>
        <source>A&amp;greement Between Annotators…</source>
        <translation>&amp;توافق میان حاشیه‌نویسان…</translation>
    </message>
    <message>
        <source>Open from &amp;PACS…</source>
        <translation>گشودن از &amp;PACS…</translation>
    </message>
    <message>
        <source>Open which of these?</source>
        <translation>کدام یک باز شود؟</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ازنو</translation>
    </message>
</context>
<context>
    <name>delineo::ui::MaskMenu</name>
    <message>
        <source>&amp;Mask</source>
        <translation>ماسک</translation>
    </message>
    <message>
        <source>&amp;Open Segmentation…</source>
        <translation>&amp;باز کردن بخش‌بندی…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Open Segmentation</source>
        <translation>باز کردن بخش‌بندی</translation>
    </message>
    <message>
        <source>Save Segmentation &amp;As…</source>
        <translation>ذخیرهٔ بخش‌بندی &amp;به‌عنوان…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Save Segmentation As</source>
        <translation>ذخیرهٔ بخش‌بندی به‌عنوان</translation>
    </message>
    <message>
        <source>Add Se&amp;gmentation…</source>
        <translation>افزودن &amp;بخش‌بندی…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <source>Add Segmentation</source>
        <translation>افزودن بخش‌بندی</translation>
    </message>
    <message>
        <source>&amp;Merge Class Into…</source>
        <translation>&amp;ادغام کلاس در…</translation>
    </message>
    <message>
        <source>Cannot merge classes</source>
        <translation>ادغام کلاس‌ها ممکن نیست</translation>
    </message>
    <message>
        <source>Open an image with at least two classes first.</source>
        <translation>ابتدا تصویری با دست‌کم دو کلاس باز کنید.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Merge Class Into</source>
        <translation>ادغام کلاس در</translation>
    </message>
    <message>
        <source>Class whose voxels change:</source>
        <translation>کلاسی که وکسل‌هایش تغییر می‌کند:</translation>
    </message>
    <message>
        <source>Class they become:</source>
        <translation>کلاسی که به آن تبدیل می‌شوند:</translation>
    </message>
    <message>
        <source>%1 merged into %2; slices changed: %3 (Ctrl+Z undoes).</source>
        <translation>%1 در %2 ادغام شد؛ برش‌های تغییرکرده: %3 (Ctrl+Z برمی‌گرداند).</translation>
    </message>
</context>
<context>
    <name>delineo::ui::MeasurementsPanel</name>
    <message>
        <source>Measurements</source>
        <translation>اندازه‌گیری‌ها</translation>
    </message>
    <message>
        <source>Shift+R</source>
        <translation>Shift+R</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>اندازه‌گیری</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>صفحه</translation>
    </message>
    <message>
        <source>Length or area</source>
        <translation>طول یا مساحت</translation>
    </message>
    <message>
        <source>By</source>
        <translation>توسط</translation>
    </message>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>off the planes</source>
        <translation>خارج از صفحه‌ها</translation>
    </message>
    <message>
        <source>Slice %1</source>
        <translation>برش %1</translation>
    </message>
    <message>
        <source>Coronal %1</source>
        <translation>کرونال %1</translation>
    </message>
    <message>
        <source>Sagittal %1</source>
        <translation>ساژیتال %1</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>مساحت</translation>
    </message>
    <message>
        <source>Ruler</source>
        <translation>خط‌کش</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>فریم %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Mean ± SD</source>
        <translation>میانگین ± انحراف معیار</translation>
    </message>
    <message>
        <source>Double-click: go to the measurement. F2: name it. Delete: remove the selected ones. Ctrl+C: copy them. Ctrl+Z: undo.</source>
        <translation>دوبار کلیک: رفتن به اندازه‌گیری. F2: نام‌گذاری. Delete: حذف موارد انتخاب‌شده. Ctrl+C: رونوشت آن‌ها. Ctrl+Z: واگرد.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ModelsPanel</name>
    <message>
        <source>Models</source>
        <translation>مدل‌ها</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>ارتقا</translation>
    </message>
    <message>
        <source>Use the selected version from now on (the current one is kept)</source>
        <translation>از این پس نسخهٔ انتخاب‌شده به کار رود (نسخهٔ فعلی نگه داشته می‌شود)</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>Return to the version that was active before the current one</source>
        <translation>بازگشت به نسخه‌ای که پیش از نسخهٔ فعلی فعال بود</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>مقایسه…</translation>
    </message>
    <message>
        <source>The selected and the active version&apos;s masks side by side on a validation image, with its ground truth</source>
        <translation>ماسک‌های نسخهٔ انتخاب‌شده و نسخهٔ فعال کنار هم روی یک تصویر اعتبارسنجی، همراه با مرجع آن</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>والد</translation>
    </message>
    <message>
        <source>Mean Dice</source>
        <translation>میانگین Dice</translation>
    </message>
    <message>
        <source>Dice: %1</source>
        <translation>Dice: %1</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>آموزش‌دیده</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ایجاد</translation>
    </message>
    <message>
        <source>v%1 %2%3</source>
        <translation>v%1 %2%3</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation> (فعال)</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 دقیقه</translation>
    </message>
    <message>
        <source>Clicks to 0.90</source>
        <translation>کلیک تا ۰٫۹۰</translation>
    </message>
    <message>
        <source> · AI Assist</source>
        <translation> · دستیار هوش مصنوعی</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>ارزیابی…</translation>
    </message>
    <message>
        <source>The selected version&apos;s six metrics per class on the validation split, with an HTML report</source>
        <translation>شش معیار نسخهٔ انتخاب‌شده برای هر کلاس روی بخش اعتبارسنجی، با گزارش HTML</translation>
    </message>
    <message>
        <source>Add from Job…</source>
        <translation>افزودن از کار…</translation>
    </message>
    <message>
        <source>Add the model a cluster trained from an exported job (Training → Fine-tune → Export Job for a Cluster): it is measured with its base on the validation split</source>
        <translation>مدلی را که خوشه از کار صادرشده آموزش داده است می‌افزاید (آموزش ← تنظیم دقیق ← صدور کار برای خوشه): همراه پایه‌اش روی بخش اعتبارسنجی سنجیده می‌شود</translation>
    </message>
    <message>
        <source>Add from Job: the Job&apos;s Folder</source>
        <translation>افزودن از کار: پوشهٔ کار</translation>
    </message>
</context>
<context>
    <name>delineo::ui::PacsDialog</name>
    <message>
        <source>Open from PACS</source>
        <translation>گشودن از PACS</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;آزمودن اتصال</translation>
    </message>
    <message>
        <source>PACS AE title:</source>
        <translation>عنوان AE سامانه PACS:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>میزبان:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>درگاه:</translation>
    </message>
    <message>
        <source>Our AE title:</source>
        <translation>عنوان AE ما:</translation>
    </message>
    <message>
        <source>Patient name (* and ? as wildcards)</source>
        <translation>نام بیمار (* و ? به‌عنوان نویسه عام)</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>شناسه بیمار</translation>
    </message>
    <message>
        <source>YYYYMMDD</source>
        <translation>YYYYMMDD</translation>
    </message>
    <message>
        <source>Any modality</source>
        <translation>هر مدالیته</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;جستجو</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>از:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>تا:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>بیمار</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>مدالیته‌ها</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>سری‌ها</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>مدالیته</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>تصاویر</translation>
    </message>
    <message>
        <source>&amp;Retrieve Series</source>
        <translation>&amp;دریافت سری</translation>
    </message>
    <message>
        <source>Copies the series into the open workspace (de-identified unless the workspace keeps identities) and opens it.</source>
        <translation>سری را در فضای کاری باز کپی می‌کند (بی‌نام‌شده، مگر فضای کاری هویت‌ها را نگه دارد) و آن را می‌گشاید.</translation>
    </message>
    <message>
        <source>Send DICOM &amp;Files…</source>
        <translation>ارسال &amp;پرونده‌های DICOM…</translation>
    </message>
    <message>
        <source>Sends DICOM files to the PACS, such as a DICOM SEG export (File → Export…).</source>
        <translation>پرونده‌های DICOM را به PACS می‌فرستد، مانند خروجی DICOM SEG (پرونده ← خروجی…).</translation>
    </message>
    <message>
        <source>Send DICOM Files to the PACS</source>
        <translation>ارسال پرونده‌های DICOM به PACS</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm);;All files (*)</source>
        <translation>پرونده‌های DICOM (*.dcm);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>مطالعه‌ها</translation>
    </message>
    <message>
        <source>Series of the chosen study</source>
        <translation>سری‌های مطالعه برگزیده</translation>
    </message>
    <message>
        <source>%1 answers.</source>
        <translation>%1 پاسخ می‌دهد.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>در حال جستجو…</translation>
    </message>
    <message>
        <source>Choose a study and one of its series first.</source>
        <translation>نخست یک مطالعه و یکی از سری‌هایش را برگزینید.</translation>
    </message>
    <message>
        <source>Open a workspace first: the series is copied into it.</source>
        <translation>نخست یک فضای کاری بگشایید: سری در آن کپی می‌شود.</translation>
    </message>
    <message>
        <source>Retrieving into %1…</source>
        <translation>در حال دریافت در %1…</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n file(s)…</source>
        <translation>
            <numerusform>در حال ارسال %n پرونده…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found.</source>
        <translation>
            <numerusform>%n مطالعه یافت شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>The PACS used before, most recent first.</source>
        <translation>PACSهایی که پیش‌تر به کار رفته‌اند، تازه‌ترین نخست.</translation>
    </message>
    <message>
        <source>F&amp;orget</source>
        <translation>&amp;فراموش کن</translation>
    </message>
    <message>
        <source>Takes the chosen PACS off this list.</source>
        <translation>PACS برگزیده را از این فهرست برمی‌دارد.</translation>
    </message>
    <message>
        <source>DICOM networking (C-FIND, C-GET)</source>
        <translation>شبکه DICOM (C-FIND، C-GET)</translation>
    </message>
    <message>
        <source>DICOMweb (QIDO-RS, WADO-RS)</source>
        <translation>DICOMweb (QIDO-RS، WADO-RS)</translation>
    </message>
    <message>
        <source>https://pacs.example.org/dicom-web (user:password@ before the host if it asks)</source>
        <translation>https://pacs.example.org/dicom-web (در صورت نیاز user:password@ پیش از میزبان)</translation>
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
        <translation>نمای &amp;تکی</translation>
    </message>
    <message>
        <source>&amp;Three Planes in a Row</source>
        <translation>&amp;سه صفحه در یک ردیف</translation>
    </message>
    <message>
        <source>Three Planes, &amp;2 x 2</source>
        <translation>سه صفحه، &amp;2 × 2</translation>
    </message>
    <message>
        <source>&amp;Ruler (Shift+Drag: Area)</source>
        <translation>&amp;خط‌کش (Shift+کشیدن: مساحت)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>&amp;Link Zoom of the Planes</source>
        <translation>&amp;پیوند بزرگنمایی صفحه‌ها</translation>
    </message>
    <message>
        <source>Smooth &amp;Between Slices</source>
        <translation>هموارسازی &amp;بین برش‌ها</translation>
    </message>
    <message>
        <source>Show &amp;Crosshair</source>
        <translation>نمایش &amp;نشانگر متقاطع</translation>
    </message>
    <message>
        <source>Alt+C</source>
        <translation>Alt+C</translation>
    </message>
    <message>
        <source>&amp;Enlarge the Active Plane</source>
        <translation>بزرگ‌کردن &amp;صفحهٔ فعال</translation>
    </message>
    <message>
        <source>Alt+0</source>
        <translation>Alt+0</translation>
    </message>
    <message>
        <source>Reslice Along the &amp;Patient&apos;s Axes</source>
        <translation>بازسازی در امتداد محورهای &amp;بیمار</translation>
    </message>
    <message>
        <source>Coronal and sagittal planes of the patient, resampled from this oblique series; unticked, the series&apos; own planes</source>
        <translation>صفحات کرونال و ساژیتال بیمار، بازنمونه‌برداری‌شده از این سری مایل؛ در صورت برداشتن تیک، صفحات خود سری</translation>
    </message>
    <message>
        <source>This series lies along the patient&apos;s axes: its planes are the patient&apos;s.</source>
        <translation>این سری در امتداد محورهای بیمار است: صفحات آن همان صفحات بیمار است.</translation>
    </message>
    <message>
        <source>Open a C&amp;opy on the Patient&apos;s Axes…</source>
        <translation>باز کردن &amp;رونوشت روی محورهای بیمار…</translation>
    </message>
    <message>
        <source>Resample this oblique series on the patient&apos;s axes, with its labels, into a NIfTI copy and open it: its axial view is a true axial plane. The original is unchanged.</source>
        <translation>این سری مایل را همراه برچسب‌هایش روی محورهای بیمار بازنمونه‌برداری کن، در یک رونوشت NIfTI بنویس و بازش کن: نمای محوری آن یک صفحهٔ محوری واقعی است. نسخهٔ اصلی تغییر نمی‌کند.</translation>
    </message>
    <message>
        <source>Copy on the Patient&apos;s Axes</source>
        <translation>رونوشت روی محورهای بیمار</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz)</source>
        <translation>NIfTI (*.nii.gz)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>   label %1</source>
        <translation>   برچسب %1</translation>
    </message>
    <message>
        <source>
mean %1 ± %2%3 (%4 to %5), %6 px</source>
        <translation>
میانگین %1 ± %2%3 (%4 تا %5)، %6 px</translation>
    </message>
    <message>
        <source>Remove &amp;Last Measurement</source>
        <translation>حذف &amp;آخرین اندازه‌گیری</translation>
    </message>
    <message>
        <source>Shift+M</source>
        <translation>Shift+M</translation>
    </message>
    <message>
        <source>Removes the newest ruler or outline on the slice of the view you work in</source>
        <translation>جدیدترین خط‌کش یا محدوده را از برش نمایی که در آن کار می‌کنید حذف می‌کند</translation>
    </message>
    <message>
        <source>No measurement on this slice</source>
        <translation>در این برش اندازه‌گیری‌ای نیست</translation>
    </message>
    <message>
        <source>Show &amp;Measurements</source>
        <translation>نمایش &amp;اندازه‌گیری‌ها</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Drag to measure a distance, Shift+drag to outline an area; drag a ruler&apos;s end to move it, double-click one to name it</source>
        <translation>برای اندازه‌گیری فاصله بکشید، با Shift+کشیدن دور یک ناحیه خط بکشید؛ سر خط‌کش را برای جابه‌جایی بکشید، برای نام‌گذاری دوبار کلیک کنید</translation>
    </message>
</context>
<context>
    <name>delineo::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>ترجیحات</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>مانند سیستم (%1)</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Delineo.</source>
        <translation>زبان تازه از اجرای بعدی Delineo به کار می‌رود.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> مگابایت</translation>
    </message>
    <message>
        <source>Decoded frames a long video keeps in memory for scrolling and playback</source>
        <translation>فریم‌های رمزگشایی‌شده‌ای که یک ویدیوی طولانی برای پیمایش و پخش در حافظه نگه می‌دارد</translation>
    </message>
    <message>
        <source>&amp;Video frame cache:</source>
        <translation>حافظهٔ فریم &amp;ویدیو:</translation>
    </message>
    <message>
        <source>Recorded with every revision, review, comment, model version and training run (empty: your login)</source>
        <translation>با هر بازبینی، بررسی، یادداشت، نسخه مدل و اجرای آموزش ثبت می‌شود (خالی: نام کاربری شما)</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;نام شما:</translation>
    </message>
    <message>
        <source>Prepare fast-seeking copies of videos whose keyframes lie far apart</source>
        <translation>تهیهٔ نسخه‌های جست‌وجوی سریع برای ویدئوهایی که فریم‌های کلیدی‌شان از هم دورند</translation>
    </message>
    <message>
        <source>Written in the background on opening such a video, kept in %1; jumps along the timeline then decode at most 12 frames</source>
        <translation>هنگام باز کردن چنین ویدئویی در پس‌زمینه نوشته و در %1 نگه داشته می‌شود؛ پس از آن هر پرش روی خط زمان حداکثر ۱۲ فریم را رمزگشایی می‌کند</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> گیگابایت</translation>
    </message>
    <message>
        <source>Disk the copies may take; the least recently used go first</source>
        <translation>فضای دیسکی که نسخه‌ها می‌توانند بگیرند؛ نسخه‌هایی که مدت بیشتری استفاده نشده‌اند زودتر حذف می‌شوند</translation>
    </message>
    <message>
        <source>Fast-seeking &amp;copies up to:</source>
        <translation>&amp;نسخه‌های جست‌وجوی سریع تا:</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کنش</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>میان‌بر</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>اختصاص</translation>
    </message>
    <message>
        <source>Reset to Default</source>
        <translation>بازنشانی به پیش‌فرض</translation>
    </message>
    <message>
        <source>Select an action, press the new keys, then Assign.</source>
        <translation>یک کنش را انتخاب کنید، کلیدهای تازه را بزنید، سپس «اختصاص».</translation>
    </message>
    <message>
        <source>New shortcut:</source>
        <translation>میان‌بر تازه:</translation>
    </message>
    <message>
        <source>(menu only)</source>
        <translation>(فقط منو)</translation>
    </message>
    <message>
        <source>%1 is already the shortcut of %2.</source>
        <translation>%1 هم‌اکنون میان‌بر %2 است.</translation>
    </message>
    <message>
        <source>Select an action first.</source>
        <translation>ابتدا یک کنش را انتخاب کنید.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 اکنون %2 است.</translation>
    </message>
    <message>
        <source>menu only</source>
        <translation>فقط منو</translation>
    </message>
</context>
<context>
    <name>delineo::ui::StructuresPanel</name>
    <message>
        <source>Structures</source>
        <translation>ساختارها</translation>
    </message>
    <message>
        <source>Shift+V</source>
        <translation>Shift+V</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>کلاس</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>حجم (میلی‌لیتر)</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>برش‌ها</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>قطعه‌ها</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>کدری</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>خط مرزی</translation>
    </message>
    <message>
        <source>This class&apos;s opacity, on top of the overlay&apos;s</source>
        <translation>کدری این کلاس، افزون بر کدری لایهٔ رویی</translation>
    </message>
    <message>
        <source>Draw this class as an outline instead of filled</source>
        <translation>این کلاس را به‌جای پر، به‌صورت خط مرزی رسم کن</translation>
    </message>
    <message>
        <source>Area (mm²)</source>
        <translation>مساحت (mm²)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>%1 voxels</source>
        <translation>%1 وکسل</translation>
    </message>
    <message>
        <source>Area (pixels)</source>
        <translation>مساحت (پیکسل)</translation>
    </message>
    <message>
        <source>Mean ± SD</source>
        <translation>میانگین ± انحراف معیار</translation>
    </message>
    <message>
        <source>Values from %1 to %2</source>
        <translation>مقادیر از %1 تا %2</translation>
    </message>
    <message>
        <source>The frame shown: its area per class and the number of separate pieces in it. Ctrl+C copies the figures.</source>
        <translation>فریم نمایش‌داده‌شده: مساحت هر کلاس و تعداد بخش‌های جدا در آن. Ctrl+C اعداد را رونوشت می‌کند.</translation>
    </message>
    <message>
        <source>Pieces: connected parts in 3D. Volumes come from the pixel spacing and the distance between slices; the same figures as delineo-cli stats. Double-click a class to go to its largest piece. Ctrl+C copies the figures.</source>
        <translation>قطعه‌ها: بخش‌های پیوسته در سه‌بعد. حجم‌ها از فاصلهٔ پیکسل‌ها و فاصلهٔ برش‌ها به دست می‌آیند؛ همان اعداد delineo-cli stats. با دوبار کلیک روی یک کلاس به بزرگ‌ترین قطعهٔ آن می‌روید. Ctrl+C اعداد را رونوشت می‌کند.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::TeamWorkspaceDialog</name>
    <message>
        <source>Open Team Workspace</source>
        <translation>باز کردن فضای کاری تیمی</translation>
    </message>
    <message>
        <source>A team workspace lives in a PostgreSQL database that every member opens at once. Give its address as &lt;b&gt;postgresql://host/database&lt;/b&gt; (with &lt;i&gt;user@&lt;/i&gt; and &lt;i&gt;:port&lt;/i&gt; if needed). Keep the password in ~/.pgpass rather than in the address.</source>
        <translation>فضای کاری تیمی در یک پایگاه داده PostgreSQL است که همه اعضا هم‌زمان آن را باز می‌کنند. نشانی آن را به صورت &lt;b&gt;postgresql://host/database&lt;/b&gt; بدهید (در صورت نیاز با &lt;i&gt;user@&lt;/i&gt; و &lt;i&gt;:port&lt;/i&gt;). گذرواژه را در ‎~/.pgpass نگه دارید، نه در نشانی.</translation>
    </message>
</context>
<context>
    <name>delineo::ui::ToolOptionsPanel</name>
    <message>
        <source>Tool Options</source>
        <translation>گزینه‌های ابزار</translation>
    </message>
    <message>
        <source> px</source>
        <translation> پیکسل</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>گرد</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>مربعی</translation>
    </message>
    <message>
        <source>Radius:</source>
        <translation>شعاع:</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>شکل:</translation>
    </message>
    <message>
        <source>Paint where intensity ≥</source>
        <translation>رنگ‌آمیزی جایی که شدت ≥</translation>
    </message>
    <message>
        <source>and ≤</source>
        <translation>و ≤</translation>
    </message>
    <message>
        <source>Overwrite other classes</source>
        <translation>بازنویسی کلاس‌های دیگر</translation>
    </message>
    <message>
        <source>Off: tools change only unlabelled pixels (and erase only the active class)</source>
        <translation>خاموش: ابزارها فقط پیکسل‌های بی‌برچسب را تغییر می‌دهند (و فقط کلاس فعال را پاک می‌کنند)</translation>
    </message>
    <message>
        <source>Mask menu</source>
        <translation>منوی ماسک</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>خودکار</translation>
    </message>
    <message>
        <source>Smallest island kept:</source>
        <translation>کوچک‌ترین جزیرهٔ نگه‌داشته:</translation>
    </message>
    <message>
        <source>Smoothing radius:</source>
        <translation>شعاع هموارسازی:</translation>
    </message>
</context>
<context>
    <name>delineo::ui::TrainingPanel</name>
    <message>
        <source>Training</source>
        <translation>آموزش</translation>
    </message>
    <message>
        <source>No training running. Training → Fine-tune Current Model… starts one.</source>
        <translation>آموزشی در جریان نیست. آموزش ← تنظیم دقیق مدل فعلی… یکی را آغاز می‌کند.</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>لغو آموزش</translation>
    </message>
    <message>
        <source>Training loss and validation Dice per class</source>
        <translation>خطای آموزش و Dice اعتبارسنجی برای هر کلاس</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>خطای آموزش</translation>
    </message>
    <message>
        <source>val Dice: %1</source>
        <translation>Dice اعتبارسنجی: %1</translation>
    </message>
</context>
<context>
    <name>delineo::vm::AssistController</name>
    <message>
        <source>The interactive model %1 cannot be used: %2</source>
        <translation>مدل تعاملی %1 قابل استفاده نیست: %2</translation>
    </message>
    <message>
        <source>AI Assist is not available</source>
        <translation>دستیار هوش مصنوعی در دسترس نیست</translation>
    </message>
    <message>
        <source>No interactive model is installed (resources/models has none).</source>
        <translation>هیچ مدل تعاملی نصب نشده است (resources/models هیچ‌کدام را ندارد).</translation>
    </message>
    <message>
        <source>No interactive model is loaded.</source>
        <translation>هیچ مدل تعاملی بارگذاری نشده است.</translation>
    </message>
    <message>
        <source>AI Assist failed</source>
        <translation>دستیار هوش مصنوعی ناموفق بود</translation>
    </message>
    <message>
        <source>AI Assist (%1)</source>
        <translation>دستیار هوش مصنوعی (%1)</translation>
    </message>
    <message>
        <source>AI Assist result accepted. Undo (Ctrl+Z) restores the previous mask.</source>
        <translation>نتیجه دستیار هوش مصنوعی پذیرفته شد. واگرد (Ctrl+Z) ماسک قبلی را بازمی‌گرداند.</translation>
    </message>
    <message>
        <source>Cannot propagate</source>
        <translation>انتشار ممکن نیست</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>ابتدا یک تصویر باز کنید.</translation>
    </message>
    <message>
        <source>There is no further frame or slice in this direction.</source>
        <translation>در این جهت قاب یا برش دیگری نیست.</translation>
    </message>
    <message>
        <source>The active class is empty on this slice: draw or prompt it first.</source>
        <translation>کلاس فعال در این برش خالی است: ابتدا آن را بکشید یا راهنما بدهید.</translation>
    </message>
    <message>
        <source>Propagating</source>
        <translation>در حال انتشار</translation>
    </message>
    <message numerus="yes">
        <source>Propagated to %n frame(s), each waiting as a preview: Ctrl+Enter accepts all (one undo step per frame), Enter or Esc decides one.</source>
        <translation>
            <numerusform>به %n قاب منتشر شد، هر کدام به‌صورت پیش‌نمایش منتظر است: Ctrl+Enter همه را می‌پذیرد (یک گام واگرد برای هر قاب)، Enter یا Esc یکی را تعیین می‌کند.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped where the model&apos;s confidence fell to %1.</source>
        <translation>جایی متوقف شد که اطمینان مدل به %1 رسید.</translation>
    </message>
    <message>
        <source>AI Assist (%1, %2 plane %3)</source>
        <translation>دستیار هوش مصنوعی (%1، صفحه %2 %3)</translation>
    </message>
    <message>
        <source>coronal</source>
        <translation>کرونال</translation>
    </message>
    <message>
        <source>sagittal</source>
        <translation>ساژیتال</translation>
    </message>
</context>
<context>
    <name>delineo::vm::CopySliceOperation</name>
    <message>
        <source>Copy Class from &amp;Previous Slice</source>
        <translation>کپی کلاس از برش قبلی</translation>
    </message>
    <message>
        <source>Copy Class from &amp;Next Slice</source>
        <translation>کپی کلاس از برش بعدی</translation>
    </message>
    <message>
        <source>There is no slice there to copy from.</source>
        <translation>برشی برای کپی کردن از آن وجود ندارد.</translation>
    </message>
    <message>
        <source>Copy class from slice %1</source>
        <translation>کپی کلاس از برش %1</translation>
    </message>
</context>
<context>
    <name>delineo::vm::DocumentController</name>
    <message>
        <source>Everything Delineo opens (%1)</source>
        <translation>همهٔ آنچه Delineo باز می‌کند (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>باز کردن فضای کاری ممکن نیست</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 یک پوشه نیست.</translation>
    </message>
    <message>
        <source>Loading case</source>
        <translation>بارگذاری مورد</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>بارگذاری %1</translation>
    </message>
    <message>
        <source>Cannot open image</source>
        <translation>باز کردن تصویر ممکن نیست</translation>
    </message>
    <message>
        <source>Cannot open series</source>
        <translation>باز کردن سری ممکن نیست</translation>
    </message>
    <message>
        <source>No DICOM images found in %1.</source>
        <translation>هیچ تصویر DICOM در %1 یافت نشد.</translation>
    </message>
    <message>
        <source>Loading series</source>
        <translation>بارگذاری سری</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>وارد کردن ممکن نیست</translation>
    </message>
    <message>
        <source>Importing DICOM</source>
        <translation>در حال وارد کردن DICOM</translation>
    </message>
    <message>
        <source> %1 failed: %2</source>
        <translation> %1 ناموفق: %2</translation>
    </message>
    <message>
        <source>  slice %1/%2</source>
        <translation>  برش %1/%2</translation>
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
        <translation> (%1، %2 mm)</translation>
    </message>
    <message>
        <source>   value %1</source>
        <translation>   مقدار %1</translation>
    </message>
    <message>
        <source>Frame %1 cannot be decoded: %2</source>
        <translation>فریم %1 رمزگشایی نمی‌شود: %2</translation>
    </message>
    <message>
        <source>  frame %1/%2</source>
        <translation>  فریم %1/%2</translation>
    </message>
    <message>
        <source>  loc %1 mm</source>
        <translation>  مکان %1 mm</translation>
    </message>
    <message>
        <source>x %1  y %2  slice %3</source>
        <translation>x %1  y %2  برش %3</translation>
    </message>
    <message numerus="yes">
        <source>The %n picture(s) in this folder, as a workspace</source>
        <translation>
            <numerusform>%n تصویر این پوشه، به‌عنوان فضای کاری</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 — %n image(s), %3 x %4</source>
        <translation>
            <numerusform>%1 %2 — %n تصویر، %3 x %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>De-identified %n DICOM file(s) into %1.</source>
        <translation>
            <numerusform>%n پروندهٔ DICOM شناسه‌زدایی‌شده در %1 قرار گرفت.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n DICOM file(s) into %1.</source>
        <translation>
            <numerusform>%n پروندهٔ DICOM در %1 کپی شد.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::EditingController</name>
    <message>
        <source>%1 (%2 plane %3)</source>
        <translation>%1 (صفحهٔ %2 %3)</translation>
    </message>
    <message>
        <source>coronal</source>
        <translation>کرونال</translation>
    </message>
    <message>
        <source>sagittal</source>
        <translation>ساژیتال</translation>
    </message>
    <message>
        <source>That edit spans several slices and one of them has a later edit: undo that first.</source>
        <translation>این ویرایش چند برش را در بر می‌گیرد و یکی از آن‌ها ویرایش بعدی دارد: ابتدا آن را واگرد کنید.</translation>
    </message>
    <message>
        <source>That edit spans several slices and one of them was edited since: it cannot be redone.</source>
        <translation>این ویرایش چند برش را در بر می‌گیرد و یکی از آن‌ها از آن پس ویرایش شده است: نمی‌توان آن را از نو انجام داد.</translation>
    </message>
    <message>
        <source>Merge class %1 into %2</source>
        <translation>ادغام کلاس %1 در %2</translation>
    </message>
</context>
<context>
    <name>delineo::vm::EvaluationController</name>
    <message>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>Cannot evaluate</source>
        <translation>ارزیابی ممکن نیست</translation>
    </message>
    <message>
        <source>Open a workspace folder first: the validation split is the workspace&apos;s.</source>
        <translation>ابتدا یک پوشهٔ فضای کاری باز کنید: بخش اعتبارسنجی متعلق به فضای کاری است.</translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation>v%1 (%2)</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>هیچ مدلی بارگذاری نشده است.</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>در حال ارزیابی</translation>
    </message>
    <message>
        <source>%1 on %2 validation slices: mean Dice %3.</source>
        <translation>%1 روی %2 برش اعتبارسنجی: میانگین Dice %3.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::ExportController</name>
    <message>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>برون‌بری ممکن نیست</translation>
    </message>
    <message>
        <source>Open a workspace folder with masks first.</source>
        <translation>ابتدا یک پوشهٔ فضای کاری دارای ماسک باز کنید.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>برون‌بری</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) failed:</source>
        <translation>
            <numerusform>%n پرونده ناموفق بود:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: wrote %2 of %3 to %4.</source>
        <translation>%1: %2 از %3 در %4 نوشته شد.</translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n ماسک</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n تصویر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s)</source>
        <translation>
            <numerusform>%n اندازه‌گیری</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::FastSeekController</name>
    <message>
        <source>Preparing fast seeking</source>
        <translation>در حال آماده‌سازی جست‌وجوی سریع</translation>
    </message>
    <message>
        <source>Fast seeking could not be prepared for %1: %2</source>
        <translation>جست‌وجوی سریع برای %1 آماده نشد: %2</translation>
    </message>
    <message>
        <source>Fast seeking ready for %1: a jump decodes at most 12 frames now.</source>
        <translation>جست‌وجوی سریع برای %1 آماده است: اکنون هر پرش حداکثر ۱۲ فریم را رمزگشایی می‌کند.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::FillHoles3DOperation</name>
    <message>
        <source>Fill Holes in &amp;3D</source>
        <translation>پر کردن حفره‌ها در &amp;سه‌بعدی</translation>
    </message>
    <message>
        <source>The class encloses no cavity in 3D.</source>
        <translation>این کلاس در سه‌بعد هیچ حفره‌ای را در بر نمی‌گیرد.</translation>
    </message>
    <message>
        <source>Fill holes in 3D</source>
        <translation>پر کردن حفره‌ها در سه‌بعدی</translation>
    </message>
</context>
<context>
    <name>delineo::vm::FillHolesOperation</name>
    <message>
        <source>Fill &amp;Holes</source>
        <translation>پرکردن حفره‌ها</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>پرکردن حفره‌ها</translation>
    </message>
</context>
<context>
    <name>delineo::vm::InterpolateOperation</name>
    <message>
        <source>&amp;Interpolate Class Between Slices</source>
        <translation>درون‌یابی کلاس بین برش‌ها</translation>
    </message>
    <message>
        <source>Draw the class on one of the %1 before and after this one, then interpolate.</source>
        <translation>کلاس را روی یکی از %1 پیش و پس از این رسم کنید، سپس درون‌یابی کنید.</translation>
    </message>
    <message>
        <source>Interpolated %1 of the %2 between %3 and %4.</source>
        <translation>%1 مورد از %2 بین %3 و %4 درون‌یابی شد.</translation>
    </message>
    <message>
        <source>Interpolate between %1 %2 and %3</source>
        <translation>درون‌یابی بین %1 %2 و %3</translation>
    </message>
</context>
<context>
    <name>delineo::vm::JobRunner</name>
    <message>
        <source>unknown error</source>
        <translation>خطای ناشناخته</translation>
    </message>
</context>
<context>
    <name>delineo::vm::LabelImportController</name>
    <message>
        <source>Segmentations (*.nii *.nii.gz *.nrrd *.seg.nrrd *.nhdr *.dcm *.png *.tif *.tiff *.bmp);;All files (*)</source>
        <translation>بخش‌بندی‌ها (*.nii *.nii.gz *.nrrd *.seg.nrrd *.nhdr *.dcm *.png *.tif *.tiff *.bmp);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Cannot open segmentation</source>
        <translation>بخش‌بندی باز نمی‌شود</translation>
    </message>
    <message>
        <source>Open the image it belongs to first.</source>
        <translation>نخست تصویری را که به آن تعلق دارد باز کنید.</translation>
    </message>
    <message>
        <source>Open segmentation %1</source>
        <translation>باز کردن بخش‌بندی %1</translation>
    </message>
    <message>
        <source>%1 opened; slices changed: %2 (Ctrl+Z undoes).</source>
        <translation>%1 باز شد؛ برش‌های تغییرکرده: %2 (Ctrl+Z برمی‌گرداند).</translation>
    </message>
    <message>
        <source>Classes added: %1.</source>
        <translation>کلاس‌های افزوده: %1.</translation>
    </message>
    <message>
        <source>Its class names are not kept: open the image&apos;s folder as a workspace (Ctrl+Shift+O) to keep them.</source>
        <translation>نام کلاس‌هایش نگه داشته نمی‌شود: برای نگه‌داشتن آن‌ها پوشهٔ تصویر را به‌عنوان فضای کار باز کنید (Ctrl+Shift+O).</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>در حال خواندن %1…</translation>
    </message>
    <message>
        <source>%1 was not applied: another image is open now.</source>
        <translation>%1 اعمال نشد: اکنون تصویر دیگری باز است.</translation>
    </message>
    <message>
        <source>Reading segmentation</source>
        <translation>در حال خواندن بخش‌بندی</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz);;NRRD (*.nrrd);;DICOM SEG (*.dcm);;PNG of the slice shown (*.png)</source>
        <translation>NIfTI (*.nii.gz);;NRRD (*.nrrd);;DICOM SEG (*.dcm);;PNG برش نمایش‌داده‌شده (*.png)</translation>
    </message>
    <message>
        <source>Cannot save segmentation</source>
        <translation>بخش‌بندی ذخیره نمی‌شود</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>نخست تصویری باز کنید.</translation>
    </message>
    <message>
        <source>A video&apos;s masks are saved frame by frame: choose PNG, or use File → Export…</source>
        <translation>ماسک‌های ویدیو قاب به قاب ذخیره می‌شوند: PNG را برگزینید یا از پرونده ← برون‌بری… استفاده کنید</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>در حال نوشتن %1…</translation>
    </message>
    <message>
        <source>Segmentation saved to %1.</source>
        <translation>بخش‌بندی در %1 ذخیره شد.</translation>
    </message>
    <message>
        <source>Saving segmentation</source>
        <translation>در حال ذخیرهٔ بخش‌بندی</translation>
    </message>
    <message>
        <source>Add segmentation %1</source>
        <translation>افزودن بخش‌بندی %1</translation>
    </message>
    <message>
        <source>%1 added over the labels; slices changed: %2 (Ctrl+Z undoes).</source>
        <translation>%1 روی برچسب‌ها افزوده شد؛ برش‌های تغییرکرده: %2 (Ctrl+Z برمی‌گرداند).</translation>
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
        <translation>اندازه‌گیری‌ای برای واگرد نیست</translation>
    </message>
    <message>
        <source>No measurement to redo</source>
        <translation>اندازه‌گیری‌ای برای ازنو نیست</translation>
    </message>
    <message>
        <source>Draw Outline</source>
        <translation>رسم خط دور</translation>
    </message>
    <message>
        <source>Draw Ruler</source>
        <translation>رسم خط‌کش</translation>
    </message>
    <message>
        <source>Remove Outline</source>
        <translation>حذف خط دور</translation>
    </message>
    <message>
        <source>Remove Ruler</source>
        <translation>حذف خط‌کش</translation>
    </message>
    <message>
        <source>Move Ruler End</source>
        <translation>جابه‌جایی سر خط‌کش</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>واگرد %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>ازنو %1</translation>
    </message>
    <message>
        <source>Rename Outline</source>
        <translation>تغییر نام خط دور</translation>
    </message>
    <message>
        <source>Rename Ruler</source>
        <translation>تغییر نام خط‌کش</translation>
    </message>
</context>
<context>
    <name>delineo::vm::MultiplanarController</name>
    <message>
        <source>Sagittal</source>
        <translation>ساژیتال</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>کرونال</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>محوری</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>Coronal and sagittal views need a volume of several slices.</source>
        <translation>نماهای کرونال و ساژیتال به حجمی با چند برش نیاز دارند.</translation>
    </message>
    <message>
        <source>Coronal and sagittal views are for grey-level volumes, not for video or colour frames.</source>
        <translation>نماهای کرونال و ساژیتال برای حجم‌های خاکستری هستند، نه برای ویدیو یا فریم‌های رنگی.</translation>
    </message>
    <message>
        <source>These slices are a sample with gaps between them: coronal and sagittal views would join slices that are not neighbours.</source>
        <translation>این برش‌ها نمونه‌ای با فاصله میان آن‌ها هستند: نماهای کرونال و ساژیتال برش‌هایی را که همسایه نیستند به هم می‌پیوندند.</translation>
    </message>
    <message>
        <source>%1 %2/%3
(resampled)</source>
        <translation>%1 %2/%3
(بازنمونه‌برداری‌شده)</translation>
    </message>
</context>
<context>
    <name>delineo::vm::Notices</name>
    <message>
        <source>Another task is running (%1): try again when it has finished.</source>
        <translation>کار دیگری در حال اجراست (%1): پس از پایان آن دوباره امتحان کنید.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::PacsController</name>
    <message>
        <source>This client&apos;s AE title must have 1 to 16 characters.</source>
        <translation>عنوان AE این کارخواه باید ۱ تا ۱۶ نویسه باشد.</translation>
    </message>
    <message>
        <source>Searching %1</source>
        <translation>جستجو در %1</translation>
    </message>
    <message>
        <source>Listing series</source>
        <translation>فهرست کردن سری‌ها</translation>
    </message>
    <message>
        <source>Open from PACS</source>
        <translation>گشودن از PACS</translation>
    </message>
    <message>
        <source>Open a workspace first: the series is copied into it.</source>
        <translation>نخست یک فضای کاری بگشایید: سری در آن کپی می‌شود.</translation>
    </message>
    <message>
        <source>Retrieving from %1</source>
        <translation>دریافت از %1</translation>
    </message>
    <message>
        <source> %1 failed: %2</source>
        <translation> %1 ناموفق: %2</translation>
    </message>
    <message>
        <source>Sending to %1</source>
        <translation>ارسال به %1</translation>
    </message>
    <message>
        <source>Searching studies</source>
        <translation>در حال جستجوی مطالعه‌ها</translation>
    </message>
    <message>
        <source>Listing the study&apos;s series</source>
        <translation>در حال فهرست کردن سری‌های مطالعه</translation>
    </message>
    <message>
        <source>This computer has the series already: opened.</source>
        <translation>این رایانه سری را از پیش دارد: باز شد.</translation>
    </message>
    <message>
        <source>This series of the team workspace is on the PACS (%1): retrieving it.</source>
        <translation>این سری از فضای کار تیمی روی PACS است (%1): در حال بازیابی.</translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %1 of %n image(s)</source>
        <translation>
            <numerusform>%1 از %n تصویر دریافت شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s)</source>
        <translation>
            <numerusform>%n تصویر دریافت شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved and de-identified %n image(s) into %1.</source>
        <translation>
            <numerusform>%n تصویر دریافت و بی‌نام شد در %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s) into %1.</source>
        <translation>
            <numerusform>%n تصویر دریافت شد در %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s) for the team workspace: every member sees the series in the list and retrieves it on opening.</source>
        <translation>
            <numerusform>%n تصویر برای فضای کار تیمی بازیابی شد: هر عضو سری را در فهرست می‌بیند و هنگام باز کردن بازیابی‌اش می‌کند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 of %n file(s)</source>
        <translation>
            <numerusform>%1 از %n پرونده ارسال شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 of %n file(s) to %2.</source>
        <translation>
            <numerusform>%1 از %n پرونده به %2 ارسال شد.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::PatientAxesCopy</name>
    <message>
        <source>Cannot make a copy on the patient&apos;s axes</source>
        <translation>ساختن رونوشت روی محورهای بیمار ممکن نیست</translation>
    </message>
    <message>
        <source>Open an oblique series first: one that lies along the patient&apos;s axes needs no copy.</source>
        <translation>ابتدا یک سری مایل باز کنید: سری‌ای که در راستای محورهای بیمار است به رونوشت نیاز ندارد.</translation>
    </message>
    <message>
        <source>Resampling on the patient&apos;s axes…</source>
        <translation>در حال بازنمونه‌برداری روی محورهای بیمار…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>در حال نوشتن %1…</translation>
    </message>
    <message>
        <source>The copy was written to %1 but could not be opened.</source>
        <translation>رونوشت در %1 نوشته شد اما باز نشد.</translation>
    </message>
    <message>
        <source>A copy on the patient&apos;s axes: %1 (the original is unchanged).</source>
        <translation>رونوشتی روی محورهای بیمار: %1 (نسخهٔ اصلی تغییر نکرده است).</translation>
    </message>
    <message>
        <source>Copy on the patient&apos;s axes</source>
        <translation>رونوشت روی محورهای بیمار</translation>
    </message>
    <message>
        <source>Choose another name: the copy would replace the series it is made from.</source>
        <translation>نام دیگری انتخاب کنید: رونوشت جای سری‌ای را می‌گیرد که از آن ساخته می‌شود.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::PlaybackController</name>
    <message>
        <source>No annotated frame before this one.</source>
        <translation>پیش از این فریم، فریم حاشیه‌نویسی‌شده‌ای نیست.</translation>
    </message>
    <message>
        <source>No annotated frame after this one.</source>
        <translation>پس از این فریم، فریم حاشیه‌نویسی‌شده‌ای نیست.</translation>
    </message>
    <message>
        <source>No frame before this one waits for review.</source>
        <translation>پیش از این فریم، فریمی در انتظار بازبینی نیست.</translation>
    </message>
    <message>
        <source>No frame after this one waits for review.</source>
        <translation>پس از این فریم، فریمی در انتظار بازبینی نیست.</translation>
    </message>
</context>
<context>
    <name>delineo::vm::PreviewController</name>
    <message>
        <source>Cannot load model</source>
        <translation>بارگذاری مدل ممکن نیست</translation>
    </message>
    <message>
        <source>Using the %1 model for this image.</source>
        <translation>برای این تصویر مدل %1 به کار می‌رود.</translation>
    </message>
    <message>
        <source>Cannot run model</source>
        <translation>اجرای مدل ممکن نیست</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>ابتدا یک تصویر باز کنید.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>هیچ مدلی بارگذاری نشده است.</translation>
    </message>
    <message>
        <source>Segmenting</source>
        <translation>در حال بخش‌بندی</translation>
    </message>
    <message>
        <source>AI result shown as outlines: Enter accepts, Shift+Enter accepts the active class only, Esc rejects. Your own labels are kept.</source>
        <translation>نتیجهٔ هوش مصنوعی به‌صورت خطوط دور: Enter می‌پذیرد، Shift+Enter فقط کلاس فعال را می‌پذیرد، Esc رد می‌کند. برچسب‌های خودتان حفظ می‌شوند.</translation>
    </message>
    <message>
        <source>Segmenting all slices</source>
        <translation>بخش‌بندی همهٔ برش‌ها</translation>
    </message>
    <message>
        <source>Accept AI result (%1)</source>
        <translation>پذیرش نتیجهٔ هوش مصنوعی (%1)</translation>
    </message>
    <message>
        <source>AI segmentation</source>
        <translation>بخش‌بندی هوش مصنوعی</translation>
    </message>
    <message>
        <source>AI result accepted. Undo (Ctrl+Z) restores the previous mask.</source>
        <translation>نتیجهٔ هوش مصنوعی پذیرفته شد. واگرد (Ctrl+Z) ماسک پیشین را بازمی‌گرداند.</translation>
    </message>
    <message>
        <source>The model ran on all %1 frames and found something on %2: they wait as outlines and marks on the timeline (Ctrl+Shift+PgDown goes to the next one).</source>
        <translation>مدل روی همهٔ %1 فریم اجرا شد و در %2 فریم چیزی یافت: نتایج به‌صورت خطوط مرزی و نشانه‌هایی روی نوار زمان منتظرند (Ctrl+Shift+PgDown به بعدی می‌رود).</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>رنگی</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>خاکستری</translation>
    </message>
    <message>
        <source>No model is made for this %1 image: Run Model is off (Model → Load Model… picks one).</source>
        <translation>هیچ مدلی برای این تصویر %1 ساخته نشده است: اجرای مدل خاموش است (مدل ← بارگذاری مدل… یکی را برمی‌گزیند).</translation>
    </message>
    <message>
        <source>No model is made for this %1 image. Load one with Model → Load Model….</source>
        <translation>هیچ مدلی برای این تصویر %1 ساخته نشده است. یکی را با مدل ← بارگذاری مدل… بارگذاری کنید.</translation>
    </message>
    <message>
        <source>The model reads axial slices: it runs on all %1 of them to fill the coronal view.</source>
        <translation>مدل برش‌های محوری را می‌خواند: روی همهٔ %1 برش اجرا می‌شود تا نمای کرونال پر شود.</translation>
    </message>
    <message>
        <source>The model reads axial slices: it runs on all %1 of them to fill the sagittal view.</source>
        <translation>مدل برش‌های محوری را می‌خواند: روی همهٔ %1 برش اجرا می‌شود تا نمای ساژیتال پر شود.</translation>
    </message>
    <message>
        <source>Accepting AI results</source>
        <translation>پذیرش نتایج هوش مصنوعی</translation>
    </message>
    <message>
        <source>The model found none of its classes on this slice.</source>
        <translation>مدل هیچ‌یک از کلاس‌های خود را در این برش پیدا نکرد.</translation>
    </message>
    <message>
        <source>The AI result changed nothing on this slice.</source>
        <translation>نتیجهٔ هوش مصنوعی چیزی را در این برش تغییر نداد.</translation>
    </message>
    <message numerus="yes">
        <source>AI results on %n slice(s) wait as outlines: Ctrl+Enter accepts all, Enter this slice, Esc rejects this slice.</source>
        <translation>
            <numerusform>نتایج هوش مصنوعی روی %n برش به‌صورت خطوط دور منتظرند: Ctrl+Enter همه را می‌پذیرد، Enter این برش را، Esc این برش را رد می‌کند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AI results accepted on %n slice(s) (each undoable on its slice).</source>
        <translation>
            <numerusform>نتایج هوش مصنوعی روی %n برش پذیرفته شد (هر کدام روی برش خود قابل واگرد است).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept All cancelled: AI results accepted on %1 of %n slice(s); the others still wait.</source>
        <translation>
            <numerusform>پذیرش همه لغو شد: نتایج هوش مصنوعی در %1 از %n برش پذیرفته شد؛ بقیه همچنان در انتظارند.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::RemoveIslands3DOperation</name>
    <message>
        <source>Remove Small Islands in 3&amp;D</source>
        <translation>حذف جزیره‌های کوچک در &amp;سه‌بعدی</translation>
    </message>
    <message>
        <source>No 3D piece of the class is smaller than %1 voxels.</source>
        <translation>هیچ قطعهٔ سه‌بعدی از این کلاس کوچک‌تر از %1 وکسل نیست.</translation>
    </message>
    <message>
        <source>Remove islands under %1 voxels in 3D</source>
        <translation>حذف جزیره‌های کمتر از %1 وکسل در سه‌بعدی</translation>
    </message>
</context>
<context>
    <name>delineo::vm::RemoveIslandsOperation</name>
    <message>
        <source>Remove Small &amp;Islands</source>
        <translation>حذف جزیره‌های کوچک</translation>
    </message>
    <message>
        <source>Remove small islands</source>
        <translation>حذف جزیره‌های کوچک</translation>
    </message>
</context>
<context>
    <name>delineo::vm::ReviewController</name>
    <message>
        <source>Cannot save mask</source>
        <translation>ذخیرهٔ ماسک ممکن نیست</translation>
    </message>
    <message>
        <source>Nothing to save: no changes.</source>
        <translation>چیزی برای ذخیره نیست: تغییری نیست.</translation>
    </message>
    <message>
        <source>Slice %1 approved.</source>
        <translation>برش %1 تأیید شد.</translation>
    </message>
    <message>
        <source>Slice %1 rejected.</source>
        <translation>برش %1 رد شد.</translation>
    </message>
    <message>
        <source>Workspace database: %1</source>
        <translation>پایگاه دادهٔ فضای کاری: %1</translation>
    </message>
    <message>
        <source>Every file in this workspace has been reviewed.</source>
        <translation>همهٔ پرونده‌های این فضای کاری بازبینی شده‌اند.</translation>
    </message>
    <message>
        <source>Cannot rank</source>
        <translation>رتبه‌بندی ممکن نیست</translation>
    </message>
    <message>
        <source>Open a workspace folder and load a model first.</source>
        <translation>ابتدا یک پوشهٔ فضای کاری باز و یک مدل بارگذاری کنید.</translation>
    </message>
    <message>
        <source>Ranking by uncertainty</source>
        <translation>رتبه‌بندی بر پایهٔ عدم قطعیت</translation>
    </message>
    <message>
        <source>Ranked %1 unreviewed files by model uncertainty; Shift+N opens the most uncertain.</source>
        <translation>%1 پروندهٔ بازبینی‌نشده بر پایهٔ عدم قطعیت مدل رتبه‌بندی شد؛ Shift+N نامطمئن‌ترین را باز می‌کند.</translation>
    </message>
    <message>
        <source>No ranked file left to review: Review → Rank Unreviewed by Model Uncertainty.</source>
        <translation>پروندهٔ رتبه‌بندی‌شده‌ای برای بازبینی نمانده است: بازبینی ← رتبه‌بندی بازبینی‌نشده‌ها بر پایهٔ عدم قطعیت مدل.</translation>
    </message>
    <message>
        <source>The workspace store cannot be opened in %1: %2</source>
        <translation>انبارهٔ فضای کاری در %1 باز نمی‌شود: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n slice(s) to the workspace store in %1</source>
        <translation>
            <numerusform>%n برش در انبارهٔ فضای کاری در %1 ذخیره شد</numerusform>
        </translation>
    </message>
    <message>
        <source>No workspace store: %1</source>
        <translation>انبارهٔ فضای کاری در دسترس نیست: %1</translation>
    </message>
    <message>
        <source>Workspace database</source>
        <translation>پایگاه دادهٔ فضای کاری</translation>
    </message>
    <message>
        <source>Cannot open the team workspace</source>
        <translation>فضای کاری تیمی باز نمی‌شود</translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation>پیش‌نویس هوش مصنوعی</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>اصلاح‌شده</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <source>%1  %2  by %3</source>
        <translation>%1  %2  توسط %3</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(ثبت نشده)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is editing this case (for %n more minute(s)): your edits are kept as your own revisions beside theirs.</source>
        <translation>
            <numerusform>%1 در حال ویرایش این مورد است (تا %n دقیقه دیگر): ویرایش‌های شما به‌صورت بازبینی‌های خودتان در کنار آن‌ها نگه داشته می‌شوند.</numerusform>
        </translation>
    </message>
    <message>
        <source>  (kept, not current: %1 had saved a newer one)</source>
        <translation>  (نگه داشته شد، نه جاری: %1 نسخه تازه‌تری ذخیره کرده بود)</translation>
    </message>
    <message>
        <source>another member</source>
        <translation>عضوی دیگر</translation>
    </message>
    <message>
        <source>Newer revision by %1</source>
        <translation>بازبینی تازه‌تر از %1</translation>
    </message>
    <message>
        <source>%1 saved slice %2 after you began editing it: your edit is kept as its own revision (History panel) and theirs is shown. Ctrl+Z brings yours back.</source>
        <translation>%1 برش %2 را پس از آغاز ویرایش شما ذخیره کرد: ویرایش شما به‌صورت بازبینی جداگانه نگه داشته شد (پنل تاریخچه) و نسخه او نمایش داده می‌شود. Ctrl+Z نسخه شما را برمی‌گرداند.</translation>
    </message>
    <message numerus="yes">
        <source>%1 saved a newer mask of %n slice(s); it is shown (Ctrl+Z undoes).</source>
        <translation>
            <numerusform>%1 ماسک تازه‌تری از %n برش ذخیره کرد؛ نمایش داده می‌شود (Ctrl+Z برمی‌گرداند).</numerusform>
        </translation>
    </message>
    <message>
        <source>mm</source>
        <translation>میلی‌متر</translation>
    </message>
    <message>
        <source>px</source>
        <translation>پیکسل</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>کلاس %1</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>اجماع</translation>
    </message>
    <message>
        <source>Consensus (%1)</source>
        <translation>اجماع (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Consensus (%1) of %2 stored for %n slice(s); each member&apos;s own mask stays in the history.</source>
        <translation>
            <numerusform>اجماع (%1) از %2 برای %n برش ذخیره شد؛ ماسک هر عضو در تاریخچه می‌ماند.</numerusform>
        </translation>
    </message>
    <message>
        <source>No slice of this file was corrected by two members: no consensus to make.</source>
        <translation>هیچ برشی از این پرونده را دو عضو اصلاح نکرده‌اند: اجماعی برای ساختن نیست.</translation>
    </message>
    <message>
        <source>A stored mask of slice %1 is damaged and was not loaded: %2</source>
        <translation>ماسک ذخیره‌شدهٔ برش %1 آسیب دیده است و بارگذاری نشد: %2</translation>
    </message>
    <message>
        <source>A class needs a name, and labels go from 1 to 255.</source>
        <translation>هر کلاس به یک نام نیاز دارد و برچسب‌ها از ۱ تا ۲۵۵ هستند.</translation>
    </message>
    <message>
        <source>Classes are kept in a workspace: open a folder as a workspace (Ctrl+Shift+O) first.</source>
        <translation>کلاس‌ها در فضای کاری نگه داشته می‌شوند: ابتدا یک پوشه را به‌عنوان فضای کاری باز کنید (Ctrl+Shift+O).</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) show masks stored for this folder before its series were kept apart: check that they belong to this series; an edit keeps them with it.</source>
        <translation>
            <numerusform>%n برش ماسک‌هایی را نشان می‌دهد که پیش از جدا نگه داشتن سری‌های این پوشه برای آن ذخیره شده‌اند: بررسی کنید که به این سری تعلق دارند؛ یک ویرایش آن‌ها را با این سری نگه می‌دارد.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::SmoothOperation</name>
    <message>
        <source>&amp;Smooth Outline</source>
        <translation>هموار کردن خط دور</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>هموارسازی</translation>
    </message>
</context>
<context>
    <name>delineo::vm::TrainingController</name>
    <message>
        <source>Workspace</source>
        <translation>فضای کاری</translation>
    </message>
    <message>
        <source>Cannot train</source>
        <translation>آموزش ممکن نیست</translation>
    </message>
    <message>
        <source>A training run is going already; cancel it first.</source>
        <translation>یک آموزش در جریان است؛ ابتدا آن را لغو کنید.</translation>
    </message>
    <message>
        <source>Open a workspace folder first: training uses its corrected masks.</source>
        <translation>ابتدا یک پوشهٔ فضای کاری باز کنید: آموزش از ماسک‌های اصلاح‌شدهٔ آن استفاده می‌کند.</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>ابتدا یک مدل بارگذاری کنید.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>آموزش</translation>
    </message>
    <message>
        <source>Training in the background; keep working. The active model stays in use.</source>
        <translation>آموزش در پس‌زمینه؛ به کار ادامه دهید. مدل فعال در استفاده می‌ماند.</translation>
    </message>
    <message>
        <source>Training cancelled; the run is recorded as cancelled and the active model is unchanged.</source>
        <translation>آموزش لغو شد؛ این اجرا لغوشده ثبت شد و مدل فعال تغییری نکرد.</translation>
    </message>
    <message>
        <source>Training failed: %1. The active model is unchanged.</source>
        <translation>آموزش ناموفق بود: %1. مدل فعال تغییری نکرد.</translation>
    </message>
    <message>
        <source>New model version v%1: validation Dice %2 (base %3). Promote it in the Models panel.</source>
        <translation>نسخهٔ تازهٔ مدل v%1: Dice اعتبارسنجی %2 (پایه %3). آن را در پنل مدل‌ها ارتقا دهید.</translation>
    </message>
    <message>
        <source>New model version v%1 (no validation images). Promote it in the Models panel.</source>
        <translation>نسخهٔ تازهٔ مدل v%1 (بدون تصویر اعتبارسنجی). آن را در پنل مدل‌ها ارتقا دهید.</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>آموزش ناموفق بود</translation>
    </message>
    <message>
        <source>Cannot promote</source>
        <translation>ارتقا ممکن نیست</translation>
    </message>
    <message>
        <source>Model v%1 is now active.</source>
        <translation>مدل v%1 اکنون فعال است.</translation>
    </message>
    <message>
        <source>Cannot roll back</source>
        <translation>بازگشت ممکن نیست</translation>
    </message>
    <message>
        <source>The weights of v%1 cannot be loaded.</source>
        <translation>وزن‌های v%1 بارگذاری نمی‌شوند.</translation>
    </message>
    <message>
        <source>Rolled back: model v%1 is active again.</source>
        <translation>بازگشت انجام شد: مدل v%1 دوباره فعال است.</translation>
    </message>
    <message>
        <source>Compare v%1 with the active model on %2</source>
        <translation>مقایسهٔ v%1 با مدل فعال روی %2</translation>
    </message>
    <message>
        <source>Ground truth (stored mask)</source>
        <translation>مرجع (ماسک ذخیره‌شده)</translation>
    </message>
    <message>
        <source>v%1%2: Dice %3</source>
        <translation>v%1%2: Dice %3</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation> (فعال)</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>مقایسه ممکن نیست</translation>
    </message>
    <message>
        <source>New AI Assist model version v%1: %2 clicks to Dice 0.90 on the validation split (base %3). Promote it in the Models panel.</source>
        <translation>نسخهٔ تازهٔ مدل دستیار هوش مصنوعی v%1: %2 کلیک تا Dice ۰٫۹۰ روی بخش اعتبارسنجی (پایه %3). آن را در پنل مدل‌ها ارتقا دهید.</translation>
    </message>
    <message>
        <source>Exporting a training job</source>
        <translation>در حال صدور کار آموزش</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was kept.</source>
        <translation>صدور لغو شد؛ چیزی نگه داشته نشد.</translation>
    </message>
    <message>
        <source>Cannot export the training job: %1</source>
        <translation>کار آموزش صادر نشد: %1</translation>
    </message>
    <message>
        <source>Wrote the training job to %1 (%2 training and %3 validation slices). Run it with %4 (several ranks: see docs/DISTRIBUTED.md), then add the model back with %5.</source>
        <translation>کار آموزش در %1 نوشته شد (%2 برش آموزش و %3 برش اعتبارسنجی). آن را با %4 اجرا کنید (چند رتبه: docs/DISTRIBUTED.md را ببینید)، سپس مدل را با %5 بازگردانید.</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>برون‌بری ممکن نیست</translation>
    </message>
    <message>
        <source>Cannot add the model</source>
        <translation>مدل افزوده نشد</translation>
    </message>
    <message>
        <source>%1 is not a training job exported by Delineo (it has no job.json).</source>
        <translation>%1 کار آموزشی صادرشده از Delineo نیست (job.json ندارد).</translation>
    </message>
    <message>
        <source>Open a workspace folder first.</source>
        <translation>ابتدا یک پوشهٔ فضای کار باز کنید.</translation>
    </message>
    <message>
        <source>Adding a model from a cluster job</source>
        <translation>در حال افزودن مدل از کار خوشه</translation>
    </message>
    <message>
        <source>Cancelled; the job&apos;s model was not added.</source>
        <translation>لغو شد؛ مدل کار افزوده نشد.</translation>
    </message>
    <message>
        <source>Cannot add the job&apos;s model: %1</source>
        <translation>مدل کار افزوده نشد: %1</translation>
    </message>
    <message>
        <source>New model version v%1 from the cluster job: validation Dice %2 (base v%3: %4). Promote it in the Models panel.</source>
        <translation>نسخهٔ جدید مدل v%1 از کار خوشه: Dice اعتبارسنجی %2 (پایه v%3: %4). آن را در پنل مدل‌ها ارتقا دهید.</translation>
    </message>
    <message>
        <source>New model version v%1 from the cluster job. Promote it in the Models panel.</source>
        <translation>نسخهٔ جدید مدل v%1 از کار خوشه. آن را در پنل مدل‌ها ارتقا دهید.</translation>
    </message>
</context>
</TS>
