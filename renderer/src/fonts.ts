// Bundled so Thai, Lao, Khmer and Burmese render on an offline office PC that has none of these fonts.
// Only the weights the stylesheet uses (400 text, 600 emphasis). Each subset declares its unicode-range,
// so the browser fetches a file only when a page shows that script. Latin-ext and Vietnamese cover names
// written with diacritics (Nguyễn, Đặng). Chinese names and Yunnan plates (云A) use Noto Sans SC, regular
// weight only: its ~100 unicode-range slices total megabytes on disk, but a page fetches only the slices
// holding the characters it shows (a few tens of KB for a name or a plate).
import '@fontsource/noto-sans/latin-400.css'
import '@fontsource/noto-sans/latin-600.css'
import '@fontsource/noto-sans/latin-ext-400.css'
import '@fontsource/noto-sans/latin-ext-600.css'
import '@fontsource/noto-sans/vietnamese-400.css'
import '@fontsource/noto-sans/vietnamese-600.css'
import '@fontsource/noto-sans-thai/thai-400.css'
import '@fontsource/noto-sans-thai/thai-600.css'
import '@fontsource/noto-sans-lao/lao-400.css'
import '@fontsource/noto-sans-lao/lao-600.css'
import '@fontsource/noto-sans-khmer/khmer-400.css'
import '@fontsource/noto-sans-khmer/khmer-600.css'
import '@fontsource/noto-sans-myanmar/myanmar-400.css'
import '@fontsource/noto-sans-myanmar/myanmar-600.css'
import '@fontsource/noto-sans-sc/400.css'
