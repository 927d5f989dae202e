// Chinese UI text needs a CJK font; the stack covers Windows, macOS, Linux desktops in county offices and
// phones (the public portal).
export const fontFamily = [
    '"PingFang SC"',
    '"Microsoft YaHei"',
    '"Noto Sans CJK SC"',
    '"Source Han Sans SC"',
    '"WenQuanYi Micro Hei"',
    'Roboto',
    '"Helvetica Neue"',
    'Arial',
    'sans-serif',
].join(',');
